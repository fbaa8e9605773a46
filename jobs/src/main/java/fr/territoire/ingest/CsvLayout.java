package fr.territoire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;

/**
 * How one CSV file's header meets its mapping: every column must be there (all missing
 * ones are named at once), optional columns absent from this layout read as null, and
 * header names the mapping does not know are unknown columns: reported in
 * {@code meta.unknown_column} and their values kept in
 * {@code raw.<source>__unknown_column}.
 *
 * @param mapping the mapping
 * @param file the input file
 * @param header the file's header names
 * @param unknown header names that are neither columns, optional columns nor known
 * columns of the mapping
 */
record CsvLayout(Mapping mapping, InputFile file, List<String> header, List<String> unknown) {

	CsvLayout {
		header = List.copyOf(header);
		unknown = List.copyOf(unknown);
	}

	/** The layout of a file, or a {@link ErrorCode#MISSING_COLUMN} error. */
	static CsvLayout of(Mapping mapping, InputFile file, List<String> header) {
		List<String> missing = mapping.headers().stream().filter((column) -> !header.contains(column)).toList();
		if (!missing.isEmpty()) {
			throw new TerritoireException(ErrorCode.MISSING_COLUMN, Location.file(file.name()).column(missing.get(0)),
					"the header lacks " + ((missing.size() == 1) ? "the column '" : "the columns '")
							+ String.join("', '", missing) + "' declared by mapping " + mapping.source()
							+ "; header found: " + String.join(",", header));
		}
		List<String> unknown = new ArrayList<>();
		for (String name : header) {
			if (!mapping.rawColumns().contains(name) && !mapping.knownColumns().contains(name)) {
				unknown.add(name);
			}
		}
		return new CsvLayout(mapping, file, header, unknown);
	}

	/**
	 * The raw table's columns as selected from the file: null for absent optional ones.
	 */
	String selectList() {
		return this.mapping.rawColumns()
			.stream()
			.map((column) -> this.header.contains(column) ? Sql.identifier(column)
					: "NULL::VARCHAR AS " + Sql.identifier(column))
			.collect(Collectors.joining(", "));
	}

	/** The table keeping the values of unknown columns, one row per record and column. */
	static String unknownColumnTable(Mapping mapping) {
		return mapping.rawTable() + "__unknown_column";
	}

	/**
	 * Records the unknown columns of the file and keeps their values, read in the same
	 * record order as the raw table.
	 */
	void keepUnknownColumns(DuckDBConnection connection, String readCsv) {
		if (this.unknown.isEmpty()) {
			return;
		}
		for (String name : this.unknown) {
			Sql.update(connection, "INSERT INTO meta.unknown_column VALUES (?, ?, ?, ?)", this.mapping.source(),
					this.file.name(), name, this.header.indexOf(name) + 1);
		}
		String table = unknownColumnTable(this.mapping);
		Sql.execute(connection, "create " + table, "CREATE TABLE IF NOT EXISTS " + table
				+ " (_file VARCHAR NOT NULL, _record BIGINT NOT NULL, column_name VARCHAR NOT NULL, value VARCHAR)");
		String names = this.unknown.stream().map(Sql::literal).collect(Collectors.joining(", ", "[", "]"));
		String values = this.unknown.stream().map(Sql::identifier).collect(Collectors.joining(", ", "[", "]"));
		Sql.execute(connection, "keep unknown columns of " + this.file.name(),
				"INSERT INTO " + table + " SELECT " + Sql.literal(this.file.name())
						+ ", _record, unnest(names), unnest(values) FROM (SELECT row_number() OVER () AS _record, "
						+ names + " AS names, " + values + " AS values FROM " + readCsv + ")");
	}

}
