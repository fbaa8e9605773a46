package fr.territoire.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	private final transient FileResponses files = new FileResponses();

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
			Responses.text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed: GET or HEAD only.",
					false);
			return;
		}
		Optional<RequestPath> parsed = RequestPath.parse(request.getRequestURI());
		if (parsed.isEmpty()) {
			Responses.text(response, HttpServletResponse.SC_BAD_REQUEST, "Bad request path.", head);
			return;
		}
		RequestPath path = parsed.get();
		if (path.root()) {
			if (this.folder.hasCatalogue()) {
				Responses.redirect(response, HttpServletResponse.SC_FOUND, "/latest/");
			}
			else {
				Responses.html(response, this.listings.root(this.folder), head);
			}
			return;
		}
		Optional<Path> real = this.folder.resolve(path);
		if (real.isEmpty() || (path.directory() && !Files.isDirectory(real.get()))) {
			Responses.text(response, HttpServletResponse.SC_NOT_FOUND, "Not found.", head);
			return;
		}
		String cacheControl = path.first().equals(PublishFolder.RELEASES) ? RELEASE_CACHE : "no-cache";
		if (Files.isDirectory(real.get())) {
			if (!path.directory()) {
				Responses.redirect(response, HttpServletResponse.SC_MOVED_PERMANENTLY, request.getRequestURI() + "/");
				return;
			}
			List<String> index = new ArrayList<>(path.segments());
			index.add("index.html");
			Optional<Path> page = this.folder.resolve(new RequestPath(index, false));
			if (page.isPresent() && Files.isRegularFile(page.get())) {
				this.files.send(request, response, page.get(), cacheControl, head);
			}
			else {
				Responses.html(response, this.listings.folder(request.getRequestURI(), real.get()), head);
			}
			return;
		}
		this.files.send(request, response, real.get(), cacheControl, head);
	}

}
