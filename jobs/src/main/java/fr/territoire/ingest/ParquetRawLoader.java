package fr.territoire.ingest;

import java.util.List;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;

/**
 * Reads a Parquet file with DuckDB's built-in reader: columns bound by name, every value
 * cast to text (as for the other formats, so that one staging model serves a source
 * whatever its delivery), the lineage record being the row's position in the file.
 */
final class ParquetRawLoader implements RawLoader {

	@Override
	public long load(DuckDBConnection connection, Mapping mapping, InputFile file) {
		String path = Sql.literal(file.path().toString());
		List<String> columns;
		try {
			columns = Sql
				.queryRows(connection,
						"SELECT name FROM parquet_schema(" + path + ") WHERE num_children IS NULL "
								+ "OR num_children = 0")
				.stream()
				.map((row) -> row.get(0))
				.toList();
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"not a readable Parquet file: " + firstLine(ex), ex);
		}
		for (String column : mapping.headers()) {
			if (!columns.contains(column)) {
				throw new TerritoireException(ErrorCode.MISSING_COLUMN, Location.file(file.name()).column(column),
						"the file lacks the column '" + column + "' declared by mapping " + mapping.source()
								+ "; columns found: " + String.join(",", columns));
			}
		}
		String selected = mapping.headers()
			.stream()
			.map((name) -> "CAST(" + Sql.identifier(name) + " AS VARCHAR)")
			.collect(Collectors.joining(", "));
		long before = Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable());
		try {
			Sql.execute(connection, "read " + file.name(),
					"INSERT INTO " + mapping.rawRowsTable() + " SELECT " + Sql.literal(file.name())
							+ ", file_row_number + 1, " + selected + " FROM read_parquet(" + path
							+ ", file_row_number = true)");
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"DuckDB cannot read the Parquet file: " + firstLine(ex), ex);
		}
		RawTable.refreshView(connection, mapping);
		return Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable()) - before;
	}

	private static String firstLine(TerritoireException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = String.valueOf(cause.getMessage());
		return message.lines().findFirst().orElse(message);
	}

}
