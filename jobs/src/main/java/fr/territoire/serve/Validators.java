package fr.territoire.serve;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A file's validators and the conditional requests they answer (RFC 9110 §13).
 *
 * <p>
 * The ETag is strong and derives from the file's size and modification time only, so it
 * is the same after a restart and for the same file reached through {@code latest} or
 * through its release (a release's files are never rewritten). The gzip representation
 * has its own strong ETag (suffix {@code -gzip}).
 *
 * @param etag the identity representation's ETag, quotes included
 * @param lastModified the modification time, truncated to the second as HTTP dates are
 */
record Validators(String etag, Instant lastModified) {

	/** IMF-fixdate, the HTTP date format: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	static Validators of(long size, FileTime modified) {
		String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.to(TimeUnit.NANOSECONDS)) + "\"";
		return new Validators(etag, Instant.ofEpochSecond(modified.to(TimeUnit.SECONDS)));
	}

	String gzipEtag() {
		return this.etag.substring(0, this.etag.length() - 1) + "-gzip\"";
	}

	String lastModifiedHeader() {
		return HTTP_DATE.format(ZonedDateTime.ofInstant(this.lastModified, ZoneOffset.UTC));
	}

	/**
	 * Whether a GET or HEAD is answered 304: {@code If-None-Match} (weak comparison, any
	 * representation of the file) when present, else {@code If-Modified-Since}.
	 */
	boolean notModified(@Nullable String ifNoneMatch, @Nullable String ifModifiedSince) {
		if (ifNoneMatch != null) {
			for (String tag : ifNoneMatch.split(",")) {
				String candidate = tag.trim();
				if (candidate.equals("*")) {
					return true;
				}
				String opaque = candidate.startsWith("W/") ? candidate.substring(2) : candidate;
				if (opaque.equals(this.etag) || opaque.equals(gzipEtag())) {
					return true;
				}
			}
			return false;
		}
		if (ifModifiedSince != null) {
			return parseDate(ifModifiedSince).map((since) -> !this.lastModified.isAfter(since)).orElse(false);
		}
		return false;
	}

	/**
	 * Whether a {@code Range} may be honoured given {@code If-Range}: its ETag must match
	 * strongly (a weak one never does), or its date be exactly the Last-Modified.
	 */
	boolean rangeAllowed(@Nullable String ifRange) {
		if (ifRange == null) {
			return true;
		}
		String value = ifRange.trim();
		if (value.startsWith("\"")) {
			return value.equals(this.etag);
		}
		if (value.startsWith("W/")) {
			return false;
		}
		return parseDate(value).map(this.lastModified::equals).orElse(false);
	}

	static Optional<Instant> parseDate(String value) {
		try {
			return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
