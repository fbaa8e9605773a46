package fr.territoire.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.territoire.warehouse.ColumnTest;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelSpec;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The Table Schemas (frictionless data) of published tables: column names and types from
 * the warehouse; titles, descriptions, patterns and the constraints of the blocking tests
 * from the public models' YAML (the one place columns are documented); primary keys from
 * the model's {@code key} (or its one unique column); foreign keys from
 * {@code publish.yaml}. Every published column must be described.
 */
final class TableSchemas {

	/**
	 * What an empty CSV field means: a null (codes and texts are quoted, never empty).
	 */
	static final List<String> MISSING_VALUES = List.of("");

	private TableSchemas() {
	}

	/** Schemas by published table name. */
	static Map<String, Schema> read(DuckDBConnection connection, PublicationSpec spec, ModelCatalog models) {
		Map<String, Schema> schemas = new LinkedHashMap<>();
		for (PublicationSpec.PublishedTable table : spec.tables()) {
			schemas.put(table.name(), read(connection, table, models));
		}
		return schemas;
	}

	/** The schema of one published table. */
	static Schema read(DuckDBConnection connection, PublicationSpec.PublishedTable table, ModelCatalog models) {
		String[] parts = table.from().split("\\.");
		ModelSpec model = PublishedColumns.model(table, models).map(SqlModel::spec).orElse(null);
		List<Field> fields = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (List<String> column : Sql.queryRows(connection,
				"SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
						+ "ORDER BY column_index",
				parts[0], parts[1])) {
			String name = column.get(0);
			String description = PublishedColumns.description(table, models, name);
			ModelSpec.Column documented = (model != null) ? model.column(name).orElse(null) : null;
			String type = type(column.get(1));
			boolean key = model != null && model.key().contains(name);
			fields.add(new Field(name, type, (documented != null) ? documented.title() : null, description.strip(),
					constraints(documented, type, key)));
			names.add(name);
		}
		return new Schema(fields, primaryKey(model, names), foreignKeys(table), MISSING_VALUES);
	}

	private static @Nullable Map<String, Object> constraints(ModelSpec.@Nullable Column column, String type,
			boolean key) {
		Map<String, Object> constraints = new LinkedHashMap<>();
		if (key) {
			constraints.put("required", true);
		}
		if (column != null) {
			for (ColumnTest test : column.tests()) {
				if (!test.blocking()) {
					continue;
				}
				switch (test.kind()) {
					case NOT_NULL -> constraints.put("required", true);
					case UNIQUE -> constraints.put("unique", true);
					case ACCEPTED_VALUES -> {
						if (type.equals("string")) {
							constraints.put("enum", test.values());
						}
					}
					default -> {
					}
				}
			}
			if (column.pattern() != null && type.equals("string")) {
				constraints.put("pattern", column.pattern());
			}
		}
		return constraints.isEmpty() ? null : constraints;
	}

	/** The model's key, or its one column tested unique and not null. */
	private static List<String> primaryKey(@Nullable ModelSpec model, List<String> columns) {
		if (model == null) {
			return List.of();
		}
		if (!model.key().isEmpty() && columns.containsAll(model.key())) {
			return model.key();
		}
		List<String> unique = model.columns()
			.stream()
			.filter((column) -> columns.contains(column.name()))
			.filter((column) -> has(column, ColumnTest.Kind.UNIQUE) && has(column, ColumnTest.Kind.NOT_NULL))
			.map(ModelSpec.Column::name)
			.toList();
		return (unique.size() == 1) ? unique : List.of();
	}

	private static boolean has(ModelSpec.Column column, ColumnTest.Kind kind) {
		return column.tests().stream().anyMatch((test) -> test.blocking() && test.kind() == kind);
	}

	private static List<ForeignKey> foreignKeys(PublicationSpec.PublishedTable table) {
		return table.foreignKeys()
			.stream()
			.map((key) -> new ForeignKey(key.fields(), new Reference(key.table(), key.references())))
			.toList();
	}

	/** Table Schema type of a DuckDB type. */
	static String type(String duckdbType) {
		String type = duckdbType.toUpperCase(Locale.ROOT);
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
	 * A Table Schema.
	 *
	 * @param fields the columns
	 * @param primaryKey the columns that identify a row (empty when none)
	 * @param foreignKeys the columns that refer to published tables
	 * @param missingValues the texts read as null
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record Schema(List<Field> fields, List<String> primaryKey, List<ForeignKey> foreignKeys,
			List<String> missingValues) {

		/**
		 * The same schema whose foreign keys name resources: {@code
		 *
		<table>
		 * -<format>}.
		 */
		Schema forFormat(String format, String self) {
			return new Schema(this.fields, this.primaryKey,
					this.foreignKeys.stream()
						.map((key) -> new ForeignKey(key.fields(),
								new Reference(key.reference().resource().equals(self) ? ""
										: key.reference().resource() + "-" + format, key.reference().fields())))
						.toList(),
					this.missingValues);
		}

		/** The names of the published tables its foreign keys refer to. */
		List<String> referencedTables() {
			return this.foreignKeys.stream().map((key) -> key.reference().resource()).distinct().toList();
		}

	}

	/**
	 * A Table Schema field.
	 *
	 * @param name the column name
	 * @param type the Table Schema type
	 * @param title a short French title
	 * @param description what it means
	 * @param constraints required, unique, enum, pattern (null when none)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Field(String name, String type, @Nullable String title, String description,
			@Nullable Map<String, Object> constraints) {

		Field(String name, String type, String description) {
			this(name, type, null, description, null);
		}

	}

	/**
	 * A foreign key.
	 *
	 * @param fields the referring columns
	 * @param reference the resource and columns referred to
	 */
	record ForeignKey(List<String> fields, Reference reference) {
	}

	/**
	 * What a foreign key refers to.
	 *
	 * @param resource the resource (empty for the same resource)
	 * @param fields its columns
	 */
	record Reference(String resource, @JsonProperty("fields") List<String> fields) {
	}

}
