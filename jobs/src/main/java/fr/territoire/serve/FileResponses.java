package fr.territoire.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The answer for one published file, opened once: validators, conditional requests,
 * ranges, gzip, length and body all come from that open file.
 */
final class FileResponses {

	private final GzipBodies gzip = new GzipBodies();

	void send(HttpServletRequest request, HttpServletResponse response, Path real, String cacheControl, boolean head)
			throws IOException {
		FileChannel channel;
		java.nio.file.attribute.FileTime modified;
		try {
			channel = FileChannel.open(real, StandardOpenOption.READ);
			try {
				modified = Files.getLastModifiedTime(real);
			}
			catch (IOException ex) {
				// removed (an old release deleted) between the two: as if it were already
				// gone
				channel.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			Responses.text(response, HttpServletResponse.SC_NOT_FOUND, "Not found.", head);
			return;
		}
		try (channel) {
			long size = channel.size();
			Validators validators = Validators.of(size, modified);
			String name = real.getFileName().toString();
			boolean compressible = MediaTypes.compressible(name);
			response.setHeader("Accept-Ranges", "bytes");
			response.setHeader("Last-Modified", validators.lastModifiedHeader());
			response.setHeader("Cache-Control", cacheControl);
			response.setHeader("X-Content-Type-Options", "nosniff");
			if (compressible) {
				response.setHeader("Vary", "Accept-Encoding");
			}
			String rangeHeader = request.getHeader("Range");
			ByteRange range = (rangeHeader != null && validators.rangeAllowed(request.getHeader("If-Range")))
					? ByteRange.parse(rangeHeader, size) : new ByteRange.Whole();
			boolean gzipped = compressible && range instanceof ByteRange.Whole && size <= GzipBodies.MAX_SOURCE
					&& acceptsGzip(request.getHeader("Accept-Encoding"));
			if (validators.notModified(request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"))) {
				response.setHeader("ETag", gzipped ? validators.gzipEtag() : validators.etag());
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return;
			}
			response.setContentType(MediaTypes.of(name));
			if (range instanceof ByteRange.Unsatisfiable) {
				response.setHeader("ETag", validators.etag());
				response.setHeader("Content-Range", "bytes */" + size);
				Responses.text(response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE,
						"Range not satisfiable: the file has " + size + " bytes.", head);
			}
			else if (range instanceof ByteRange.Part part) {
				response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
				response.setHeader("ETag", validators.etag());
				response.setHeader("Content-Range", part.contentRange(size));
				response.setContentLengthLong(part.length());
				if (!head) {
					copy(channel, part.first(), part.length(), response);
				}
			}
			else {
				Optional<byte[]> body = gzipped ? this.gzip.body(real, validators, channel) : Optional.empty();
				response.setStatus(HttpServletResponse.SC_OK);
				if (body.isPresent()) {
					response.setHeader("Content-Encoding", "gzip");
					response.setHeader("ETag", validators.gzipEtag());
					response.setContentLengthLong(body.get().length);
					if (!head) {
						Responses.write(response, body.get());
					}
				}
				else {
					response.setHeader("ETag", validators.etag());
					response.setContentLengthLong(size);
					if (!head) {
						copy(channel, 0, size, response);
					}
				}
			}
		}
	}

	/** Whether {@code Accept-Encoding} accepts gzip (RFC 9110 §12.5.3). */
	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		Boolean wildcard = null;
		for (String element : acceptEncoding.split(",")) {
			String[] parts = element.split(";");
			String coding = parts[0].trim().toLowerCase(Locale.ROOT);
			boolean accepted = true;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
				if (parameter.startsWith("q=")) {
					try {
						accepted = Double.parseDouble(parameter.substring(2)) > 0;
					}
					catch (NumberFormatException ex) {
						accepted = false;
					}
				}
			}
			if (coding.equals("gzip") || coding.equals("x-gzip")) {
				return accepted;
			}
			if (coding.equals("*")) {
				wildcard = accepted;
			}
		}
		return Boolean.TRUE.equals(wildcard);
	}

	private static void copy(FileChannel channel, long first, long length, HttpServletResponse response)
			throws IOException {
		OutputStream out = response.getOutputStream();
		ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
		long position = first;
		long remaining = length;
		while (remaining > 0) {
			buffer.clear();
			buffer.limit((int) Math.min(buffer.capacity(), remaining));
			int read = channel.read(buffer, position);
			if (read <= 0) {
				throw new IOException("the file shrank while it was being sent");
			}
			out.write(buffer.array(), 0, read);
			position += read;
			remaining -= read;
		}
	}

}
