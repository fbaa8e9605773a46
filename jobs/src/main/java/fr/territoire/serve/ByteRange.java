package fr.territoire.serve;

import java.util.Locale;

/**
 * What a {@code Range} header asks of a file of a known size (RFC 9110 §14). One range is
 * answered 206; several ranges are answered 200 with the whole file (a server may ignore
 * {@code Range}; DuckDB and browsers ask one range at a time); a header that is not a
 * byte range is ignored too.
 */
sealed interface ByteRange {

	/**
	 * The whole file: no range asked, several ranges, or a header that is not understood.
	 */
	record Whole() implements ByteRange {
	}

	/**
	 * Bytes {@code first} to {@code last}, both included.
	 *
	 * @param first the first byte
	 * @param last the last byte
	 */
	record Part(long first, long last) implements ByteRange {

		long length() {
			return this.last - this.first + 1;
		}

		String contentRange(long size) {
			return "bytes " + this.first + "-" + this.last + "/" + size;
		}

	}

	/** No byte of the asked range exists: 416. */
	record Unsatisfiable() implements ByteRange {
	}

	static ByteRange parse(String header, long size) {
		String value = header.trim();
		if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
			return new Whole();
		}
		String spec = value.substring("bytes=".length()).trim();
		if (spec.isEmpty() || spec.contains(",")) {
			return new Whole();
		}
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return new Whole();
		}
		String from = spec.substring(0, dash).trim();
		String to = spec.substring(dash + 1).trim();
		try {
			if (from.isEmpty()) {
				// suffix: the last N bytes
				long suffix = parseNumber(to);
				if (suffix == 0 || size == 0) {
					return new Unsatisfiable();
				}
				return new Part(Math.max(0, size - suffix), size - 1);
			}
			long first = parseNumber(from);
			if (!to.isEmpty() && parseNumber(to) < first) {
				// not a valid range: the header is ignored
				return new Whole();
			}
			long last = to.isEmpty() ? size - 1 : parseNumber(to);
			if (first >= size) {
				return new Unsatisfiable();
			}
			return new Part(first, Math.min(last, size - 1));
		}
		catch (NumberFormatException ex) {
			return new Whole();
		}
	}

	private static long parseNumber(String digits) {
		if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
			throw new NumberFormatException(digits);
		}
		return (digits.length() > 18) ? Long.MAX_VALUE : Long.parseLong(digits);
	}

}
