package fr.territoire.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Answers GET and HEAD on the publish folder; every other method is 405. A file is
 * resolved once per request and opened once: the whole response (validators, length,
 * body) comes from that open file, so a download that started on a release finishes on it
 * even if {@code latest} moves or the release is deleted meanwhile.
 */
final class PublishServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private static final String RELEASE_CACHE = "public, max-age=604800, immutable";

	private final transient PublishFolder folder;

	private final transient GzipBodies gzip = new GzipBodies();

	private final transient ListingPage listings = new ListingPage();

	private final AtomicInteger active = new AtomicInteger();

	PublishServlet(PublishFolder folder) {
		this.folder = folder;
	}

	/** Requests being answered (graceful shutdown waits for none). */
	int active() {
		return this.active.get();
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.active.incrementAndGet();
		try {
			answer(request, response);
		}
		finally {
			this.active.decrementAndGet();
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean head = request.getMethod().equals("HEAD");
		if (!head && !request.getMethod().equals("GET")) {
			response.setHeader("Allow", "GET, HEAD");
			text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed: GET or HEAD only.", false);
			return;
		}
		Optional<RequestPath> parsed = RequestPath.parse(request.getRequestURI());
		if (parsed.isEmpty()) {
			text(response, HttpServletResponse.SC_BAD_REQUEST, "Bad request path.", head);
			return;
		}
		RequestPath path = parsed.get();
		if (path.root()) {
			if (this.folder.hasCatalogue()) {
				redirect(response, HttpServletResponse.SC_FOUND, "/latest/");
			}
			else {
				html(response, this.listings.root(this.folder), head);
			}
			return;
		}
		Optional<Path> real = this.folder.resolve(path);
		if (real.isEmpty() || (path.directory() && !Files.isDirectory(real.get()))) {
			text(response, HttpServletResponse.SC_NOT_FOUND, "Not found.", head);
			return;
		}
		String cacheControl = path.first().equals(PublishFolder.RELEASES) ? RELEASE_CACHE : "no-cache";
		if (Files.isDirectory(real.get())) {
			if (!path.directory()) {
				redirect(response, HttpServletResponse.SC_MOVED_PERMANENTLY, request.getRequestURI() + "/");
				return;
			}
			List<String> index = new ArrayList<>(path.segments());
			index.add("index.html");
			Optional<Path> page = this.folder.resolve(new RequestPath(index, false));
			if (page.isPresent() && Files.isRegularFile(page.get())) {
				file(request, response, page.get(), cacheControl, head);
			}
			else {
				html(response, this.listings.folder(request.getRequestURI(), real.get()), head);
			}
			return;
		}
		file(request, response, real.get(), cacheControl, head);
	}

	private void file(HttpServletRequest request, HttpServletResponse response, Path real, String cacheControl,
			boolean head) throws IOException {
		FileChannel channel;
		try {
			channel = FileChannel.open(real, StandardOpenOption.READ);
		}
		catch (IOException ex) {
			text(response, HttpServletResponse.SC_NOT_FOUND, "Not found.", head);
			return;
		}
		try (channel) {
			long size = channel.size();
			Validators validators = Validators.of(size, Files.getLastModifiedTime(real));
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
				text(response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE,
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
						write(response, body.get());
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

	private static void redirect(HttpServletResponse response, int status, String location) throws IOException {
		response.setStatus(status);
		response.setHeader("Location", location);
		response.setContentLength(0);
	}

	private static void html(HttpServletResponse response, String page, boolean head) throws IOException {
		response.setHeader("Cache-Control", "no-cache");
		send(response, HttpServletResponse.SC_OK, MediaTypes.HTML, page, head);
	}

	private static void text(HttpServletResponse response, int status, String message, boolean head)
			throws IOException {
		send(response, status, "text/plain; charset=utf-8", message + "\n", head);
	}

	private static void send(HttpServletResponse response, int status, String contentType, String body, boolean head)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		if (!head) {
			write(response, bytes);
		}
	}

	private static void write(HttpServletResponse response, byte[] bytes) throws IOException {
		response.getOutputStream().write(bytes);
	}

}
