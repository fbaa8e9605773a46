package fr.territoire.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;

/**
 * The Table Schema (frictionless data) fields of published tables: column names and types
 * from the warehouse, descriptions from the public models' YAML. Every published column
 * must be described.
 */
final class TableSchemas {

	private TableSchemas() {
	}

	/** Fields by published table name. */
	static Map<String, List<Field>> read(DuckDBConnection connection, PublicationSpec spec, ModelCatalog models) {
		Map<String, List<Field>> schemas = new LinkedHashMap<>();
		for (PublicationSpec.PublishedTable table : spec.tables()) {
			String[] parts = table.from().split("\\.");
			List<Field> fields = new ArrayList<>();
			for (List<String> column : Sql.queryRows(connection,
					"SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
							+ "ORDER BY column_index",
					parts[0], parts[1])) {
				String description = PublishedColumns.description(table, models, column.get(0));
				fields.add(new Field(column.get(0), type(column.get(1)), description));
			}
			schemas.put(table.name(), fields);
		}
		return schemas;
	}

	/** Table Schema type of a DuckDB type. */
	static String type(String duckdbType) {
		String type = duckdbType.toUpperCase(java.util.Locale.ROOT);
		if (type.equals("BOOLEAN")) {
			return "boolean";
		}
		if (type.matches("(TINY|SMALL|U?BIG|HUGE|U?)INT(EGER)?|U?(TINY|SMALL|BIG)INT|U?INTEGER|HUGEINT")) {
			return "integer";
		}
		if (type.startsWith("DECIMAL") || type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL")) {
			return "number";
		}
		if (type.equals("DATE")) {
			return "date";
		}
		if (type.startsWith("TIMESTAMP")) {
			return "datetime";
		}
		if (type.endsWith("[]") || type.startsWith("STRUCT") || type.startsWith("MAP")) {
			return "array";
		}
		return "string";
	}

	/**
	 * A Table Schema field.
	 *
	 * @param name the column name
	 * @param type the Table Schema type
	 * @param description what it means
	 */
	record Field(String name, String type, String description) {
	}

}
