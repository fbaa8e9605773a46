package fr.territoire.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The path of a request, decoded once and checked segment by segment before any file is
 * looked at.
 *
 * <p>
 * Refused (empty): a segment {@code .} or {@code ..} (raw or percent-encoded), a segment
 * that still holds {@code %} after decoding (double encoding), an encoded or raw slash or
 * backslash inside a segment, a control character, malformed UTF-8 or percent escapes.
 *
 * @param segments the decoded segments, none empty
 * @param directory whether the path ends with a slash (or is the root)
 */
record RequestPath(List<String> segments, boolean directory) {

	RequestPath {
		segments = List.copyOf(segments);
	}

	/** Parses the raw (still encoded) path of a request; empty when it is refused. */
	static Optional<RequestPath> parse(String rawPath) {
		if (!rawPath.startsWith("/")) {
			return Optional.empty();
		}
		List<String> segments = new ArrayList<>();
		for (String raw : rawPath.substring(1).split("/", -1)) {
			if (raw.isEmpty()) {
				continue;
			}
			Optional<String> decoded = decode(raw);
			if (decoded.isEmpty() || !acceptable(decoded.get())) {
				return Optional.empty();
			}
			segments.add(decoded.get());
		}
		return Optional.of(new RequestPath(segments, rawPath.endsWith("/")));
	}

	/**
	 * Whether a segment names a hidden file or folder ({@code .partial-*}, dot files).
	 */
	static boolean hidden(String segment) {
		return segment.startsWith(".");
	}

	boolean root() {
		return this.segments.isEmpty();
	}

	String first() {
		return this.segments.get(0);
	}

	private static boolean acceptable(String segment) {
		if (segment.equals(".") || segment.equals("..")) {
			return false;
		}
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '/' || c == '\\' || c == '%' || c < 0x20 || c == 0x7f) {
				return false;
			}
		}
		return true;
	}

	private static Optional<String> decode(String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return Optional.empty();
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return Optional.empty();
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c > 0x7f) {
				return Optional.empty();
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
