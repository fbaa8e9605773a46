package fr.territoire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One record of a CSV file as found by {@link CsvRecordFinder}: where it starts and its
 * fields as they are written in the file (quotes included).
 *
 * @param record the 1-based record number, the header being record 1
 * @param line the 1-based line of the file where the record starts
 * @param fields the fields
 * @param unterminatedQuote whether a quoted field is still open at the end of the file or
 * after the line size limit
 */
record CsvRecord(long record, long line, List<Field> fields, boolean unterminatedQuote) {

	CsvRecord {
		fields = List.copyOf(fields);
	}

	/** The record as written, with bytes that are not UTF-8 shown as {@code \xNN}. */
	String text(char delimiter) {
		return this.fields.stream().map(Field::shown).collect(Collectors.joining(String.valueOf(delimiter)));
	}

	/** The first field that is not valid UTF-8, preferring the given columns. */
	Optional<Field> firstMalformed(List<String> header, List<String> preferred) {
		Optional<Field> kept = this.fields.stream()
			.filter(Field::malformed)
			.filter((field) -> field.index() < header.size() && preferred.contains(header.get(field.index())))
			.findFirst();
		return kept.isPresent() ? kept : this.fields.stream().filter(Field::malformed).findFirst();
	}

	/** The first field whose quotes do not follow the CSV rules. */
	Optional<Field> firstBadlyQuoted() {
		return this.fields.stream().filter(Field::badQuote).findFirst();
	}

	/** The longest field. */
	Optional<Field> longest() {
		return this.fields.stream().max(java.util.Comparator.comparingLong(Field::bytes));
	}

	/**
	 * A field as written in the file.
	 *
	 * @param index the 0-based position in the record
	 * @param bytes its full length in bytes, quotes included
	 * @param start its first bytes (at most {@link CsvRecordFinder#KEPT_BYTES})
	 * @param malformed whether it holds bytes that are not UTF-8
	 * @param firstMalformedByte the first such byte, or -1
	 * @param badQuote whether a quote is left open or followed by something other than a
	 * delimiter or the end of the line
	 */
	record Field(int index, long bytes, byte[] start, boolean malformed, int firstMalformedByte, boolean badQuote) {

		Field {
			Objects.requireNonNull(start, "start is null");
		}

		/**
		 * The kept bytes as text, with bytes that are not UTF-8 shown as {@code \xNN}.
		 */
		String shown() {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			ByteBuffer in = ByteBuffer.wrap(this.start);
			CharBuffer out = CharBuffer.allocate(this.start.length * 4 + 4);
			while (true) {
				CoderResult result = decoder.decode(in, out, true);
				if (!result.isError()) {
					break;
				}
				for (int i = 0; i < result.length(); i++) {
					out.put(String.format("\\x%02X", in.get() & 0xFF));
				}
			}
			decoder.flush(out);
			return out.flip().toString();
		}

	}

}
