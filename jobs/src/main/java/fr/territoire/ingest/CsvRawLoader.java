package fr.territoire.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Reads a CSV file with DuckDB's own reader (after a UTF-8 copy when the mapping declares
 * another encoding), with every column of its header declared as text (no type detection:
 * codes keep their leading zeros), then keeps the mapping's columns bound by header name.
 */
final class CsvRawLoader implements RawLoader {

	@Override
	public long load(DuckDBConnection connection, Mapping mapping, InputFile file) {
		try (Utf8Copy utf8 = Utf8Copy.of(connection, mapping.encodingName(), file)) {
			return loadUtf8(connection, mapping, utf8.file());
		}
	}

	private long loadUtf8(DuckDBConnection connection, Mapping mapping, InputFile file) {
		List<String> header = readHeader(file, mapping.delimiterChar());
		for (String column : mapping.headers()) {
			if (!header.contains(column)) {
				throw new TerritoireException(ErrorCode.MISSING_COLUMN, Location.file(file.name()).column(column),
						"the header lacks the column '" + column + "' declared by mapping " + mapping.source()
								+ "; header found: " + String.join(",", header));
			}
		}
		Map<String, String> types = new LinkedHashMap<>();
		header.forEach((name) -> types.put(name, "VARCHAR"));
		String columnsStruct = types.entrySet()
			.stream()
			.map((entry) -> Sql.literal(entry.getKey()) + ": " + Sql.literal(entry.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
		String selected = mapping.headers().stream().map(Sql::identifier).collect(Collectors.joining(", "));
		String sql = "INSERT INTO " + mapping.rawTable() + " SELECT " + Sql.literal(file.name())
				+ ", row_number() OVER (), " + selected + " FROM read_csv(" + Sql.literal(file.path().toString())
				+ ", header = true, auto_detect = false, delim = "
				+ Sql.literal(String.valueOf(mapping.delimiterChar()))
				+ ", quote = '\"', escape = '\"', strict_mode = true, columns = " + columnsStruct + ")";
		long before = Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable());
		try {
			Sql.execute(connection, "read " + file.name(), sql);
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"DuckDB cannot read the file as declared by mapping " + mapping.source() + ": "
							+ ex.getCause().getMessage(),
					ex);
		}
		return Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable()) - before;
	}

	/** The header's column names, parsed with the CSV quoting rules. */
	static List<String> readHeader(InputFile file, char delimiter) {
		try (BufferedReader reader = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
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
