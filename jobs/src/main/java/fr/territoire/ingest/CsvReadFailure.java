package fr.territoire.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import org.jspecify.annotations.Nullable;

/**
 * Turns DuckDB's CSV reading error into one that names the file, the line, the column and
 * the value, and says what is wrong in the user's terms. DuckDB gives the record number
 * and the kind of problem; the record itself is found again in the file, since DuckDB's
 * own copy of the line loses bytes that are not UTF-8 and may be megabytes long.
 */
final class CsvReadFailure {

	private static final Pattern RECORD = Pattern.compile("CSV Error on Line: (\\d+)");

	private static final Pattern FIELD_COUNT = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");

	private static final Pattern LINE_SIZE = Pattern
		.compile("Maximum line size of (\\d+) bytes exceeded\\. Actual Size: ?(\\d+) bytes");

	private final Mapping mapping;

	private final InputFile file;

	private final List<String> header;

	private final long maxLineBytes;

	CsvReadFailure(Mapping mapping, InputFile file, List<String> header, long maxLineBytes) {
		this.mapping = mapping;
		this.file = file;
		this.header = List.copyOf(header);
		this.maxLineBytes = maxLineBytes;
	}

	/** The error to report for DuckDB's message. */
	TerritoireException describe(String duckdbMessage, @Nullable Throwable cause) {
		Matcher record = RECORD.matcher(duckdbMessage);
		if (!record.find()) {
			return new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(this.file.name()),
					"DuckDB cannot read the file as declared by mapping " + this.mapping.source() + ": "
							+ firstLine(duckdbMessage),
					cause);
		}
		long number = Long.parseLong(record.group(1));
		Optional<CsvRecord> found = find(number);
		String where = "line " + found.map(CsvRecord::line).orElse(number) + " (data record " + (number - 1) + ")";
		Problem problem = found.map((csv) -> problem(duckdbMessage, csv, where))
			.orElseGet(() -> new Problem(where + ": " + firstLine(duckdbMessage), null, null));
		return new TerritoireException(ErrorCode.UNREADABLE_INPUT,
				new Location(this.file.name(), null, number - 1, problem.column(), problem.value()), problem.message(),
				cause);
	}

	private Problem problem(String message, CsvRecord record, String where) {
		char delimiter = this.mapping.delimiterChar();
		Matcher fieldCount = FIELD_COUNT.matcher(message);
		Matcher lineSize = LINE_SIZE.matcher(message);
		if (message.contains("Invalid unicode")) {
			Optional<CsvRecord.Field> field = record.firstMalformed(this.header, this.mapping.headers());
			String bytes = field.map((value) -> String.format(" (byte 0x%02X)", value.firstMalformedByte())).orElse("");
			return new Problem(where + " is not UTF-8" + bytes + " although mapping " + this.mapping.source()
					+ " declares the file as " + this.mapping.encodingName()
					+ "; declare its real encoding in the mapping (French files that are not UTF-8 are usually windows-1252)",
					field.map(this::columnName).orElse(null),
					field.map(CsvRecord.Field::shown).orElse(record.text(delimiter)));
		}
		if (fieldCount.find()) {
			int expected = Integer.parseInt(fieldCount.group(1));
			int actual = Integer.parseInt(fieldCount.group(2));
			boolean missing = actual < expected && actual < this.header.size();
			return new Problem(
					where + " has " + actual + " fields where the header has " + expected
							+ (missing ? "; the first missing is '" + this.header.get(actual) + "'" : "")
							+ "; check for a delimiter or a line break inside an unquoted value",
					missing ? this.header.get(actual) : null, record.text(delimiter));
		}
		if (message.contains("unterminated quote")) {
			Optional<CsvRecord.Field> field = record.firstBadlyQuoted();
			return new Problem(
					where + " has an unbalanced quote: "
							+ (record.unterminatedQuote() ? "a quoted value opened there is never closed"
									: "a quote inside a quoted value must be doubled (\"\")"),
					field.map(this::columnName).orElse(null),
					field.map(CsvRecord.Field::shown).orElse(record.text(delimiter)));
		}
		if (lineSize.find()) {
			Optional<CsvRecord.Field> longest = record.longest();
			return new Problem(
					where + " is " + lineSize.group(2) + " bytes long, above the limit of " + this.maxLineBytes
							+ " bytes for one line"
							+ longest
								.map((field) -> " (column '" + columnName(field) + "' alone holds " + field.bytes()
										+ " bytes)")
								.orElse(""),
					longest.map(this::columnName).orElse(null), longest.map(CsvRecord.Field::shown).orElse(null));
		}
		return new Problem(where + ": " + firstLine(message), null, record.text(delimiter));
	}

	private Optional<CsvRecord> find(long number) {
		try {
			// a quote still open well beyond the line size limit is deemed never closed
			return new CsvRecordFinder(this.mapping.delimiterChar(), 8 * this.maxLineBytes).find(this.file.path(),
					number);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private String columnName(CsvRecord.Field field) {
		return (field.index() < this.header.size()) ? this.header.get(field.index())
				: "field " + (field.index() + 1) + " (beyond the header)";
	}

	private static String firstLine(String message) {
		String line = message.strip().lines().findFirst().orElse(message);
		line = line.replaceFirst("^Invalid Input Error: ", "");
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

	/** What is wrong, and where in the record. */
	private record Problem(String message, @Nullable String column, @Nullable String value) {
	}

}
