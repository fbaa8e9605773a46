package fr.territoire.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file with DuckDB's own reader (after a UTF-8 copy when the mapping declares
 * another encoding), with every column of its header declared as text (no type detection:
 * codes keep their leading zeros), then keeps the mapping's columns bound by header name.
 */
final class CsvRawLoader implements RawLoader {

	/**
	 * The longest line DuckDB accepts (its default is 2 MB): a cell of a few megabytes,
	 * such as a long free-text description, loads intact; a longer line is refused with
	 * its size and column named.
	 */
	static final long MAX_LINE_BYTES = 8L * 1024 * 1024;

	@Override
	public long load(DuckDBConnection connection, Mapping mapping, InputFile file) {
		if (file.name().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
			return loadParquetTwin(connection, mapping, file);
		}
		try (ZippedCsv csv = ZippedCsv.open(file, spillFolder(connection))) {
			InputFile expanded = new InputFile(file.source(), csv.path(), file.name(), file.bytes(), file.sha256());
			try (Utf8Copy utf8 = Utf8Copy.of(connection, mapping.encodingName(), expanded)) {
				return loadUtf8(connection, mapping, utf8.file());
			}
		}
	}

	/**
	 * A Parquet twin of a CSV source (INSEE publishes the SIRENE stocks in both): the
	 * same columns, bound by name, with the same layout rules.
	 */
	private long loadParquetTwin(DuckDBConnection connection, Mapping mapping, InputFile file) {
		String readParquet = "read_parquet(" + Sql.literal(file.path().toString()) + ")";
		List<String> header;
		try {
			header = Sql.queryRows(connection, "SELECT column_name FROM (DESCRIBE SELECT * FROM " + readParquet + ")")
				.stream()
				.map((row) -> row.get(0))
				.toList();
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"cannot read the file as Parquet: " + ex.getCause().getMessage(), ex);
		}
		CsvLayout layout = CsvLayout.of(mapping, file, header);
		long before = Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable());
		try {
			Sql.execute(connection, "read " + file.name(),
					"INSERT INTO " + mapping.rawRowsTable() + " SELECT " + Sql.literal(file.name())
							+ ", file_row_number + 1, " + layout.selectList() + " FROM read_parquet("
							+ Sql.literal(file.path().toString()) + ", file_row_number = true)");
			layout.keepUnknownColumns(connection, readParquet);
			RawTable.refreshView(connection, mapping);
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"DuckDB cannot read the Parquet file: " + ex.getCause().getMessage(), ex);
		}
		return Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable()) - before;
	}

	/** The warehouse's spill folder, where a zipped file is expanded. */
	private static java.nio.file.Path spillFolder(DuckDBConnection connection) {
		List<List<String>> rows = Sql.queryRows(connection, "SELECT current_setting('temp_directory')");
		String folder = rows.isEmpty() ? "" : rows.get(0).get(0);
		return (folder == null || folder.isBlank()) ? java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))
				: java.nio.file.Path.of(folder);
	}

	private long loadUtf8(DuckDBConnection connection, Mapping mapping, InputFile file) {
		List<String> header = readHeader(file, mapping.delimiterChar());
		CsvLayout layout = CsvLayout.of(mapping, file, header);
		Map<String, String> types = new LinkedHashMap<>();
		header.forEach((name) -> types.put(name, "VARCHAR"));
		String columnsStruct = types.entrySet()
			.stream()
			.map((entry) -> Sql.literal(entry.getKey()) + ": " + Sql.literal(entry.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
		String readCsv = "read_csv(" + Sql.literal(file.path().toString())
				+ ", header = true, auto_detect = false, delim = "
				+ Sql.literal(String.valueOf(mapping.delimiterChar())) + ", quote = "
				+ Sql.literal(String.valueOf(mapping.quoteChar())) + ", escape = "
				+ Sql.literal(String.valueOf(mapping.quoteChar())) + ", strict_mode = true, max_line_size = "
				+ MAX_LINE_BYTES + ", compression = " + (ZippedCsv.isGzip(file.path()) ? "'gzip'" : "'none'")
				+ ", columns = " + columnsStruct + ")";
		// no record number here: the rows keep the file's order and the raw view numbers
		// them (RawTable), which spares DuckDB a window over the whole file
		String sql = "INSERT INTO " + mapping.rawRowsTable() + " SELECT " + Sql.literal(file.name()) + ", NULL, "
				+ layout.selectList() + " FROM " + readCsv;
		long before = Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable());
		// one transaction: a file that fails half-way (say, a bad byte in an unknown
		// column read after the declared ones) leaves no row behind
		Sql.execute(connection, "begin " + file.name(), "BEGIN TRANSACTION");
		try {
			Sql.execute(connection, "read " + file.name(), sql);
			layout.keepUnknownColumns(connection, readCsv);
			Sql.execute(connection, "commit " + file.name(), "COMMIT");
		}
		catch (TerritoireException ex) {
			Sql.execute(connection, "roll back " + file.name(), "ROLLBACK");
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new CsvReadFailure(mapping, file, header, MAX_LINE_BYTES).describe(String.valueOf(cause.getMessage()),
					cause);
		}
		// after the commit: uncommitted rows have row ids of their own transaction
		RawTable.refreshView(connection, mapping);
		return Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable()) - before;
	}

	/**
	 * The header's column names, parsed with the CSV quoting rules. Only the first line
	 * is decoded, so that a bad byte further down is reported on its own line.
	 */
	static List<String> readHeader(InputFile file, char delimiter) {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		try (InputStream in = ZippedCsv.read(file.path())) {
			for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
				if (line.size() > MAX_LINE_BYTES) {
					throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
							"line 1 (the header) is longer than the limit of " + MAX_LINE_BYTES
									+ " bytes for one line: is it a CSV file?");
				}
				line.write(b);
			}
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"cannot read the header: " + ex.getMessage(), ex);
		}
		if (line.size() == 0) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"the file is empty: a header row is expected");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.toByteArray())).toString();
		}
		catch (CharacterCodingException ex) {
			throw headerNotUtf8(file, delimiter, ex);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.endsWith("\r")) {
			text = text.substring(0, text.length() - 1);
		}
		return splitHeader(text, delimiter);
	}

	private static TerritoireException headerNotUtf8(InputFile file, char delimiter, Exception cause) {
		@Nullable String value = null;
		try {
			value = new CsvRecordFinder(delimiter, MAX_LINE_BYTES).find(file.path(), 1)
				.flatMap((header) -> header.firstMalformed(List.of(), List.of()))
				.map(CsvRecord.Field::shown)
				.orElse(null);
		}
		catch (IOException ex) {
			cause.addSuppressed(ex);
		}
		String message = "line 1 (the header) is not UTF-8 although the mapping declares the file as UTF-8; "
				+ "declare its real encoding in the mapping (French files that are not UTF-8 are usually windows-1252)";
		return new TerritoireException(ErrorCode.UNREADABLE_INPUT, new Location(file.name(), null, null, null, value),
				message, cause);
	}

	static List<String> splitHeader(String line, char delimiter) {
		List<String> names = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else {
					quoted = !quoted;
				}
			}
			else if (c == delimiter && !quoted) {
				names.add(current.toString().strip());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		names.add(current.toString().strip());
		return names;
	}

}
