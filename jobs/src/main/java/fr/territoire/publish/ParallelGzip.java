package fr.territoire.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips a file on several cores, the way {@code pigz} does it without its dictionary
 * sharing: the file is cut into blocks of {@value #BLOCK} bytes, each compressed on its
 * own into a complete gzip member, and the members are written in order. A sequence of
 * members is one valid gzip file (RFC 1952, section 2.2): {@code gzip -d}, {@code zcat},
 * Python's {@code gzip}, R's {@code gzfile}, DuckDB's {@code read_csv} and Java's
 * {@code GZIPInputStream} read it whole. Level 1 (fastest): on the register's CSV it
 * keeps a quarter of the bytes at about 100 MB/s per core (docs/benchmarks.md). The
 * SHA-256 of what is written is computed while writing, so the file is not read again to
 * be hashed.
 */
final class ParallelGzip {

	/** Uncompressed bytes per gzip member. */
	static final int BLOCK = 8 << 20;

	private ParallelGzip() {
	}

	/**
	 * What was written.
	 *
	 * @param bytes the size of the gzip file
	 * @param sha256 its SHA-256, in hexadecimal
	 */
	record Written(long bytes, String sha256) {
	}

	/**
	 * Writes {@code target}, the gzip of {@code source}.
	 * @param source the file to compress
	 * @param target the gzip file to write (replaced if it exists)
	 * @param threads how many blocks are compressed at once (at least 1)
	 * @return the size and SHA-256 of the gzip file
	 */
	static Written compress(Path source, Path target, int threads) throws IOException {
		int workers = Math.max(1, threads);
		MessageDigest digest = sha256();
		ExecutorService pool = Executors.newFixedThreadPool(workers, (task) -> {
			Thread thread = new Thread(task, "gzip");
			thread.setDaemon(true);
			return thread;
		});
		long written;
		try (InputStream in = Files.newInputStream(source);
				CountingOutputStream counted = new CountingOutputStream(Files.newOutputStream(target));
				OutputStream out = new DigestOutputStream(counted, digest)) {
			// at most two blocks per worker in flight: memory stays bounded (about 4
			// blocks in and out per worker)
			Deque<Future<byte[]>> pending = new ArrayDeque<>();
			byte[] block;
			while ((block = in.readNBytes(BLOCK)).length > 0) {
				byte[] input = block;
				pending.add(pool.submit(() -> member(input)));
				if (pending.size() >= 2 * workers) {
					out.write(next(pending));
				}
			}
			while (!pending.isEmpty()) {
				out.write(next(pending));
			}
			if (counted.count == 0) {
				// an empty file is still a gzip file: one empty member
				out.write(member(new byte[0]));
			}
			out.flush();
			written = counted.count;
		}
		finally {
			pool.shutdownNow();
		}
		return new Written(written, HexFormat.of().formatHex(digest.digest()));
	}

	private static byte[] next(Deque<Future<byte[]>> pending) throws IOException {
		try {
			return pending.removeFirst().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while compressing", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			throw new IOException("compressing failed: " + ex.getCause(), ex.getCause());
		}
	}

	/** One complete gzip member holding {@code input}. */
	private static byte[] member(byte[] input) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(input.length / 3 + 64);
		try (GZIPOutputStream gzip = new FastGzipOutputStream(bytes)) {
			gzip.write(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** A gzip stream at the fastest level. */
	private static final class FastGzipOutputStream extends GZIPOutputStream {

		FastGzipOutputStream(OutputStream out) throws IOException {
			super(out, 1 << 16);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

	}

	private static final class CountingOutputStream extends java.io.FilterOutputStream {

		private long count;

		CountingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
			this.count += len;
		}

	}

}
