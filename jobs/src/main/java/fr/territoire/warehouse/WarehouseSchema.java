package fr.territoire.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.territoire.config.Problem;

/**
 * The tables every warehouse has, created before any step runs:
 * {@code warehouse/schema/<schema>/
 *
<table>
 * .sql}, one {@code CREATE TABLE IF NOT EXISTS} each, with a YAML beside it.
 *
 * @param tables valid tables, sorted by schema and name
 * @param problems what is wrong with the others
 */
public record WarehouseSchema(List<SqlFile<TableSpec>> tables, List<Problem> problems) {

	public static WarehouseSchema load(Path project) {
		Path folder = project.resolve("warehouse").resolve("schema");
		List<Problem> problems = new ArrayList<>();
		List<SqlFile<TableSpec>> tables = new ArrayList<>();
		for (SqlFile<TableSpec> table : SqlFile.list(project, folder, TableSpec.class, problems)) {
			Path relative = folder.relativize(table.file());
			if (relative.getNameCount() != 2) {
				problems.add(Problem.of(table.shownAs(), "a table must be in the folder of its schema",
						"move it to warehouse/schema/<schema>/<table>.sql"));
				continue;
			}
			String qualified = schemaOf(table) + "." + table.name();
			Pattern creates = Pattern.compile(
					"(?is)^(--[^\\n]*\\n\\s*)*CREATE TABLE IF NOT EXISTS " + Pattern.quote(qualified) + "\\s*\\(.*");
			if (!creates.matcher(table.sql()).matches()) {
				problems.add(Problem.of(table.shownAs(), "does not start with CREATE TABLE IF NOT EXISTS " + qualified,
						"a schema file creates the table named by its folder and file, once"));
				continue;
			}
			tables.add(table);
		}
		return new WarehouseSchema(List.copyOf(tables), List.copyOf(problems));
	}

	/** The schema of a table, from its folder. */
	public static String schemaOf(SqlFile<TableSpec> table) {
		return table.file().getParent().getFileName().toString().toLowerCase(Locale.ROOT);
	}

	/** The qualified table of a file, e.g. {@code meta.run}. */
	public static String tableOf(SqlFile<TableSpec> table) {
		return schemaOf(table) + "." + table.name();
	}

	/** The schemas of the tables. */
	public Set<String> schemas() {
		Set<String> schemas = new LinkedHashSet<>();
		this.tables.forEach((table) -> schemas.add(schemaOf(table)));
		return schemas;
	}

	/** The table of a schema, if declared. */
	public java.util.Optional<SqlFile<TableSpec>> table(String qualified) {
		return this.tables.stream().filter((table) -> tableOf(table).equals(qualified)).findFirst();
	}

	/** Creates the schemas and the tables that do not exist yet. */
	public void create(Connection connection) {
		for (String schema : schemas()) {
			Sql.execute(connection, "create schema " + schema, "CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		for (SqlFile<TableSpec> table : this.tables) {
			Sql.execute(connection, "create " + tableOf(table) + " (" + table.shownAs() + ")", table.sql());
		}
	}

}
