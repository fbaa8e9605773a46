package fr.territoire.ingest;

import java.util.List;
import java.util.stream.Collectors;

import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;

/**
 * A source's raw rows: the table {@code raw.<source>__rows} the loaders append to, and
 * the view {@code raw.<source>} every reader uses, which gives each row its record
 * number.
 * <p>
 * Files that DuckDB reads in bulk (CSV) are inserted without a record number: numbering
 * them in the INSERT with {@code row_number() OVER ()} made DuckDB hold the whole file in
 * a window (about 4 s per million SIRENE rows, measured in docs/benchmarks.md). Instead,
 * DuckDB keeps insertion order (the warehouse sets {@code preserve_insertion_order},
 * which only the normalise step lifts, for tables it writes), so the rows of one INSERT
 * get consecutive row ids in the file's order even when two threads parse the file, and
 * the table is only ever appended to; the view computes a row's record number as its row
 * id minus its file's first row id, plus one. Loaders that know a better number (a
 * sheet's row, a Parquet file's row) store it, and the view keeps it.
 */
public final class RawTable {

	private RawTable() {
	}

	/**
	 * Creates the source's empty rows table (replacing an earlier one) and its view.
	 * @param connection the warehouse
	 * @param mapping the source's mapping
	 */
	public static void create(DuckDBConnection connection, Mapping mapping) {
		String columns = mapping.rawColumns()
			.stream()
			.map((name) -> Sql.identifier(name) + " VARCHAR")
			.collect(Collectors.joining(", "));
		Sql.execute(connection, "create " + mapping.rawRowsTable(), "CREATE OR REPLACE TABLE " + mapping.rawRowsTable()
				+ " (_file VARCHAR NOT NULL, _record BIGINT, " + columns + ")");
		refreshView(connection, mapping);
	}

	/**
	 * (Re)creates the view {@code raw.<source>} after rows were appended: the first row
	 * id of each file whose rows carry no record number is written into the view. Call it
	 * once the rows are committed: inside the transaction that appends them, rows have
	 * temporary row ids.
	 * @param connection the warehouse
	 * @param mapping the source's mapping
	 */
	public static void refreshView(DuckDBConnection connection, Mapping mapping) {
		List<List<String>> firsts = Sql.queryRows(connection, "SELECT _file, min(rowid) FROM " + mapping.rawRowsTable()
				+ " WHERE _record IS NULL GROUP BY _file ORDER BY _file");
		String record = "_record";
		if (!firsts.isEmpty()) {
			record = firsts.stream()
				.map((row) -> " WHEN " + Sql.literal(row.get(0)) + " THEN " + Long.parseLong(row.get(1)))
				.collect(Collectors.joining("", "coalesce(_record, rowid + 1 - CASE _file", " END)"));
		}
		String columns = mapping.rawColumns().stream().map(Sql::identifier).collect(Collectors.joining(", "));
		Sql.execute(connection, "view " + mapping.rawTable(), "CREATE OR REPLACE VIEW " + mapping.rawTable()
				+ " AS SELECT _file, " + record + " AS _record, " + columns + " FROM " + mapping.rawRowsTable());
	}

}
