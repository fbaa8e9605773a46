package fr.territoire.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Small responses with an exact {@code Content-Length}: HEAD gets the headers of GET and
 * no body.
 */
final class Responses {

	private Responses() {
	}

	static void redirect(HttpServletResponse response, int status, String location) throws IOException {
		response.setStatus(status);
		response.setHeader("Location", location);
		response.setContentLength(0);
	}

	static void html(HttpServletResponse response, String page, boolean head) throws IOException {
		response.setHeader("Cache-Control", "no-cache");
		send(response, HttpServletResponse.SC_OK, MediaTypes.HTML, page, head);
	}

	static void text(HttpServletResponse response, int status, String message, boolean head) throws IOException {
		send(response, status, "text/plain; charset=utf-8", message + "\n", head);
	}

	static void send(HttpServletResponse response, int status, String contentType, String body, boolean head)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		if (!head) {
			write(response, bytes);
		}
	}

	static void write(HttpServletResponse response, byte[] bytes) throws IOException {
		response.getOutputStream().write(bytes);
	}

}
