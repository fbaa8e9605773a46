package fr.territoire.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decides, without running it, whether a reader may run a statement: exactly one
 * statement, a read statement, reading only the reader's {@link Layers}. DuckDB parses
 * the statement ({@code json_serialize_sql}, which serialises only read statements), and
 * every table, table function and function named anywhere in its syntax tree (subqueries,
 * CTEs, DESCRIBE and SUMMARIZE included) is checked.
 */
final class QueryGuard {

	static final String READ_STATEMENTS = "SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, PRAGMA table_info";

	/**
	 * Table functions that read no table and no file: generators and catalog listings.
	 */
	private static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest", "json_each",
			"json_tree", "duckdb_tables", "duckdb_columns", "duckdb_views", "duckdb_schemas", "duckdb_databases",
			"duckdb_types", "duckdb_functions", "duckdb_settings", "duckdb_keywords", "duckdb_constraints",
			"duckdb_indexes", "duckdb_sequences", "duckdb_dependencies", "pragma_table_info", "pragma_show",
			"pragma_version", "pragma_database_size", "pragma_platform");

	private static final Pattern PRAGMA = Pattern.compile(
			"\\s*PRAGMA\\s+(table_info|show_tables|show_tables_expanded|show|version|database_size|platform)\\b[^=]*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Layers layers;

	private final String database;

	private final Set<String> readableNames;

	private final Set<String> hiddenNames;

	private final Set<String> userFunctions;

	private QueryGuard(Layers layers, String database, Set<String> readableNames, Set<String> hiddenNames,
			Set<String> userFunctions) {
		this.layers = layers;
		this.database = database;
		this.readableNames = readableNames;
		this.hiddenNames = hiddenNames;
		this.userFunctions = userFunctions;
	}

	/** Reads the catalog of an open warehouse: its tables and its macros. */
	static QueryGuard load(Connection connection, Layers layers) throws SQLException {
		String database = strings(connection, "SELECT current_database()").get(0).toLowerCase(Locale.ROOT);
		Set<String> readable = new HashSet<>();
		Set<String> hidden = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() "
						+ "UNION ALL SELECT schema_name, view_name FROM duckdb_views() "
						+ "WHERE database_name = current_database() AND NOT internal");
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				String schema = result.getString(1).toLowerCase(Locale.ROOT);
				String name = result.getString(2).toLowerCase(Locale.ROOT);
				if (layers.allows(schema) && !layers.confidential(schema, name)) {
					readable.add(name);
				}
				else if (schema.equals("main") || layers.allows(schema)) {
					hidden.add(name);
				}
			}
		}
		Set<String> functions = new HashSet<>(
				strings(connection, "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE NOT internal"));
		return new QueryGuard(layers, database, readable, hidden, functions);
	}

	/**
	 * Refuses a text that is not exactly one read statement on the reader's layers.
	 * @param connection the session's connection (parsing only)
	 * @param sql the text
	 * @return the one statement to run
	 */
	String check(Connection connection, String sql) {
		List<String> statements = SqlText.statements(sql);
		if (statements.isEmpty()) {
			throw refused("the query is empty");
		}
		if (statements.size() > 1) {
			throw refused("one statement at a time: the query holds " + statements.size() + " statements ("
					+ String.join(", ", statements.stream().map(SqlText::firstKeyword).toList())
					+ "); run them one by one");
		}
		String statement = statements.get(0);
		if (PRAGMA.matcher(statement).matches()) {
			return statement;
		}
		JsonNode tree = parse(connection, statement);
		if (tree.path("error").asBoolean(false)) {
			if ("parser".equals(tree.path("error_type").asString(""))) {
				throw new TerritoireException(ErrorCode.BAD_QUERY, null,
						"DuckDB refused the query: Parser Error: " + tree.path("error_message").asString(""), null);
			}
			String keyword = SqlText.firstKeyword(statement);
			throw refused(((keyword.isEmpty()) ? "this statement" : keyword + " statements")
					+ " are refused: territoire sql runs one read statement (" + READ_STATEMENTS + ")");
		}
		int count = tree.path("statements").size();
		if (count != 1) {
			throw refused("one statement at a time: DuckDB reads " + count + " statements in the query");
		}
		visit(tree.path("statements"));
		return statement;
	}

	private void visit(JsonNode node) {
		if (node.isArray()) {
			for (JsonNode child : node) {
				visit(child);
			}
			return;
		}
		if (!node.isObject()) {
			return;
		}
		String type = node.path("type").asString("");
		if (type.equals("BASE_TABLE")) {
			checkTable(node.path("catalog_name").asString(""), node.path("schema_name").asString(""),
					node.path("table_name").asString(""));
		}
		else if (type.equals("TABLE_FUNCTION")) {
			String name = lower(node.path("function").path("function_name").asString(""));
			if (!TABLE_FUNCTIONS.contains(name) && !(this.layers.all() && this.userFunctions.contains(name))) {
				throw refused("the table function " + name + "() is refused: it may read files or other layers; "
						+ "query tables of " + layerNames() + " directly");
			}
		}
		if ("FUNCTION".equals(node.path("class").asString(""))) {
			String name = lower(node.path("function_name").asString(""));
			if (!this.layers.all() && this.userFunctions.contains(name)) {
				throw refused(
						"the macro " + name + "() is refused: a macro may read layers other than " + layerNames());
			}
		}
		for (JsonNode child : node) {
			visit(child);
		}
	}

	private void checkTable(String catalog, String schema, String table) {
		String name = (schema.isEmpty() ? "" : schema + ".") + table;
		if (!catalog.isEmpty() && !lower(catalog).equals(this.database) && !lower(catalog).equals("system")) {
			throw refused("the database " + catalog + " is not readable: only the warehouse is");
		}
		if (!schema.isEmpty()) {
			if (this.layers.allows(schema) && this.layers.confidential(schema, table)) {
				throw refused(name + " holds what statistical secrecy protects (true values of secret cells, units' "
						+ "contributions): read public.indicator_value, where secret values are empty; authorised "
						+ "analysts read it with --all-schemas");
			}
			if (!this.layers.allows(schema)) {
				throw refused(name + " is not readable here: " + layerNames()
						+ " only (the diffusion rules of the register apply there); "
						+ "authorised analysts read every schema with --all-schemas");
			}
			return;
		}
		String lower = lower(table);
		if (this.readableNames.contains(lower)) {
			return;
		}
		if (!IDENTIFIER.matcher(table).matches()) {
			throw refused("\"" + table + "\" is not a table of " + layerNames() + ": files cannot be read");
		}
		if (!this.layers.all() && this.hiddenNames.contains(lower)) {
			throw refused(table + " is not readable here: " + layerNames()
					+ " only; name tables with their schema, e.g. public." + table);
		}
	}

	private String layerNames() {
		return this.layers.all() ? "the warehouse" : String.join(", ", this.layers.schemas());
	}

	private static JsonNode parse(Connection connection, String statement) {
		try (PreparedStatement serialise = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
			serialise.setString(1, statement);
			try (ResultSet result = serialise.executeQuery()) {
				result.next();
				return JSON.readTree(result.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.BAD_QUERY, null, "DuckDB refused the query: " + ex.getMessage(),
					ex);
		}
	}

	private static List<String> strings(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			List<String> values = new java.util.ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static TerritoireException refused(String message) {
		return new TerritoireException(ErrorCode.BAD_QUERY, message);
	}

}
