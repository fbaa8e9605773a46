package fr.territoire.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip bodies of text files, compressed in memory so that a gzip response, like any
 * other, carries its exact {@code Content-Length} (HEAD included). Files larger than
 * {@link #MAX_SOURCE} are sent as they are; the most recently used bodies are kept up to
 * {@link #CAPACITY} bytes, keyed by real path and ETag (a changed file is a new key).
 */
final class GzipBodies {

	static final long MAX_SOURCE = 16L << 20;

	static final long CAPACITY = 64L << 20;

	private final Map<String, byte[]> bodies = new LinkedHashMap<>(16, 0.75f, true);

	private long cached;

	/** The gzip body of a file, if it is small enough to be compressed. */
	Optional<byte[]> body(Path real, Validators validators, FileChannel channel) throws IOException {
		if (channel.size() > MAX_SOURCE) {
			return Optional.empty();
		}
		String key = real + "\n" + validators.etag();
		synchronized (this) {
			byte[] known = this.bodies.get(key);
			if (known != null) {
				return Optional.of(known);
			}
		}
		byte[] body = compress(channel);
		synchronized (this) {
			if (this.bodies.put(key, body) == null) {
				this.cached += body.length;
			}
			var eldest = this.bodies.entrySet().iterator();
			while (this.cached > CAPACITY && eldest.hasNext()) {
				this.cached -= eldest.next().getValue().length;
				eldest.remove();
			}
		}
		return Optional.of(body);
	}

	private static byte[] compress(FileChannel channel) throws IOException {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
			ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
			long position = 0;
			for (int read = channel.read(buffer, position); read > 0; read = channel.read(buffer, position)) {
				gzip.write(buffer.array(), 0, read);
				position += read;
				buffer.clear();
			}
		}
		return compressed.toByteArray();
	}

}
