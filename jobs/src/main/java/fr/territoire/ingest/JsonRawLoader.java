package fr.territoire.ingest;

import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;

/**
 * Reads a JSON array of objects (optionally gzipped) with DuckDB's built-in reader. Each
 * declared key becomes a text column; nested values (lists, objects) are kept as their
 * JSON text.
 */
final class JsonRawLoader implements RawLoader {

	@Override
	public long load(DuckDBConnection connection, Mapping mapping, InputFile file) {
		String columnsStruct = mapping.headers()
			.stream()
			.map((name) -> Sql.literal(name) + ": 'JSON'")
			.collect(Collectors.joining(", ", "{", "}"));
		String selected = mapping.headers()
			.stream()
			.map((name) -> "CASE WHEN json_type(" + Sql.identifier(name) + ") = 'VARCHAR' THEN " + Sql.identifier(name)
					+ " ->> '$' ELSE CAST(" + Sql.identifier(name) + " AS VARCHAR) END")
			.collect(Collectors.joining(", "));
		String sql = "INSERT INTO " + mapping.rawRowsTable() + " SELECT " + Sql.literal(file.name())
				+ ", row_number() OVER (), " + selected + " FROM read_json(" + Sql.literal(file.path().toString())
				+ ", format = 'array', maximum_object_size = 134217728, columns = " + columnsStruct + ")";
		long before = Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable());
		try {
			Sql.execute(connection, "read " + file.name(), sql);
		}
		catch (TerritoireException ex) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(file.name()),
					"DuckDB cannot read the file as a JSON array of objects: " + ex.getCause().getMessage(), ex);
		}
		RawTable.refreshView(connection, mapping);
		return Sql.queryLong(connection, "SELECT count(*) FROM " + mapping.rawTable()) - before;
	}

}
