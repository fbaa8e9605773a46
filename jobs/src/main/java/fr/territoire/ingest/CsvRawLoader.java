package fr.territoire.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Reads a UTF-8 CSV file with DuckDB's own reader, with every column of its header
 * declared as text (no type detection: codes keep their leading zeros), then keeps the
 * mapping's columns bound by header name.
 */
final class CsvRawLoader implements RawLoader {

	@Override
	public long load(DuckDBConnection connection, Mapping mapping, InputFile file) {
		if (!mapping.encodingName().equalsIgnoreCase("UTF-8")) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(file.name()),
					"encoding " + mapping.encodingName() + " is not supported yet for csv; use UTF-8");
		}
		if (file.name().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
			return load(connection, mapping, file, "read_parquet(" + Sql.literal(file.path().toString()) + ")",
					parquetHeader(connection, file));
		}
		try (ZippedCsv csv = ZippedCsv.open(file, spillFolder(connection))) {
			return load(connection, mapping, file, csv.path());
		}
	}

	private long load(DuckDBConnection connection, Mapping mapping, InputFile file, Path csv) {
		List<String> header = readHeader(file, csv, mapping.delimiterChar());
		Map<String, String> types = new LinkedHashMap<>();
		header.forEach((name) -> types.put(name, "VARCHAR"));
		String columnsStruct = types.entrySet()
			.stream()
			.map((entry) -> Sql.literal(entry.getKey()) + ": " + Sql.literal(entry.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
		String readCsv = "read_csv(" + Sql.literal(csv.toString()) + ", header = true, auto_detect = false, delim = "
				+ Sql.literal(String.valueOf(mapping.delimiterChar()))
				+ ", quote = '\"', escape = '\"', strict_mode = true, columns = " + columnsStruct + ")";
		return load(connection, mapping, file, readCsv, header);
	}

	/**
	 * Appends the rows of a table function reading the file, every value cast to text by
	 * the insert.
	 */
	private long load(DuckDBConnection connection, Mapping mapping, InputFile file, String readCsv,
			List<String> header) {
		CsvLayout layout = CsvLayout.of(mapping, file, header);
		String sql = "INSERT INTO " + mapping.rawTable() + " SELECT " + Sql.literal(file.name())
				+ ", row_number() OVER (), " + layout.selectList() + " FROM " + readCsv;
		long before = Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable());
		try {
			Sql.execute(connection, "read " + file.name(), sql);
			layout.keepUnknownColumns(connection, readCsv);
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"DuckDB cannot read the file as declared by mapping " + mapping.source() + ": "
							+ ex.getCause().getMessage(),
					ex);
		}
		return Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable()) - before;
	}

	/** The column names of a Parquet twin of a CSV stock (INSEE publishes both). */
	private static List<String> parquetHeader(DuckDBConnection connection, InputFile file) {
		try {
			return Sql
				.queryRows(connection,
						"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet("
								+ Sql.literal(file.path().toString()) + "))")
				.stream()
				.map((row) -> row.get(0))
				.toList();
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"cannot read the file as Parquet: " + ex.getCause().getMessage(), ex);
		}
	}

	/** The warehouse's spill folder, where a zipped file is expanded. */
	private static Path spillFolder(DuckDBConnection connection) {
		List<List<String>> rows = Sql.queryRows(connection, "SELECT current_setting('temp_directory')");
		String folder = rows.isEmpty() ? "" : rows.get(0).get(0);
		return (folder == null || folder.isBlank()) ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(folder);
	}

	/** The header's column names, parsed with the CSV quoting rules. */
	static List<String> readHeader(InputFile file, Path csv, char delimiter) {
		try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			String line = reader.readLine();
			if (line == null) {
				throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
						"the file is empty: a header row is expected");
			}
			if (line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			return splitHeader(line, delimiter);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"cannot read the header as UTF-8: " + ex.getMessage(), ex);
		}
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
