package fr.territoire.project;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The columns a model's query returns, told without data from DuckDB's parse tree
 * ({@code json_serialize_sql}): named select items, and {@code SELECT *} followed through
 * CTEs and other models. Empty when they cannot be told so (a star over a join or over a
 * table no model builds, an unnamed expression): publication then checks them on the real
 * table.
 */
final class ModelColumns implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ModelCatalog models;

	private final Map<String, Optional<List<String>>> byTable = new HashMap<>();

	/**
	 * One in-memory DuckDB for every parse, opened at the first: a database per model
	 * cost a quarter of a second at every start of every command.
	 */
	private Connection parser;

	private final DuckDbAnswers answers;

	ModelColumns(ModelCatalog models, DuckDbAnswers answers) {
		this.models = models;
		this.answers = answers;
	}

	/**
	 * The columns of a model, in order, or empty when they cannot be told without data.
	 */
	List<String> of(SqlModel model) {
		return table(model.table()).orElse(List.of());
	}

	private Optional<List<String>> table(String table) {
		if (this.byTable.containsKey(table)) {
			return this.byTable.get(table);
		}
		this.byTable.put(table, Optional.empty()); // guards against cycles
		Optional<List<String>> columns = this.models.models()
			.stream()
			.filter((model) -> model.table().equals(table))
			.findFirst()
			.flatMap((model) -> parse(model.sql()))
			.flatMap((statement) -> node(statement, Map.of()));
		this.byTable.put(table, columns);
		return columns;
	}

	private Optional<JsonNode> parse(String sql) {
		try {
			Optional<String> json = this.answers.answer("parse", sql, () -> serialize(sql));
			if (json.isEmpty()) {
				return Optional.empty();
			}
			JsonNode tree = JSON.readTree(json.get());
			if (tree.path("error").asBoolean(true) || tree.path("statements").size() != 1) {
				return Optional.empty();
			}
			return Optional.of(tree.path("statements").get(0).path("node"));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** DuckDB's parse tree of a query, as JSON. */
	private Optional<String> serialize(String sql) {
		try {
			if (this.parser == null) {
				this.parser = DriverManager.getConnection("jdbc:duckdb:");
				fr.territoire.config.NativeLibraryLeftovers.record();
			}
			return Optional
				.of(Sql.queryRows(this.parser, "SELECT CAST(json_serialize_sql(?) AS VARCHAR)", sql).get(0).get(0));
		}
		catch (SQLException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private Optional<List<String>> node(JsonNode node, Map<String, JsonNode> outerCtes) {
		Map<String, JsonNode> ctes = new HashMap<>(outerCtes);
		for (JsonNode entry : node.path("cte_map").path("map")) {
			ctes.put(entry.path("key").asString(), entry.path("value").path("query_node"));
		}
		String type = node.path("type").asString();
		if (type.equals("SET_OPERATION_NODE")) {
			// the first branch names the columns (DuckDB 2 lists branches as children)
			JsonNode first = node.path("children").isEmpty() ? node.path("left") : node.path("children").get(0);
			return node(first, ctes);
		}
		if (!type.equals("SELECT_NODE")) {
			return Optional.empty();
		}
		List<String> columns = new ArrayList<>();
		for (JsonNode item : node.path("select_list")) {
			String alias = item.path("alias").asString("");
			if (!alias.isEmpty()) {
				columns.add(alias);
			}
			else if (item.path("class").asString().equals("COLUMN_REF")) {
				JsonNode names = item.path("column_names");
				columns.add(names.get(names.size() - 1).asString());
			}
			else if (item.path("class").asString().equals("STAR") && item.path("exclude_list").isEmpty()
					&& item.path("replace_list").isEmpty() && item.path("rename_list").isEmpty()) {
				Optional<List<String>> star = star(node.path("from_table"), ctes);
				if (star.isEmpty()) {
					return Optional.empty();
				}
				columns.addAll(star.get());
			}
			else {
				return Optional.empty();
			}
		}
		return Optional.of(columns);
	}

	private Optional<List<String>> star(JsonNode from, Map<String, JsonNode> ctes) {
		if (!from.path("type").asString().equals("BASE_TABLE")) {
			return Optional.empty();
		}
		String schema = from.path("schema_name").asString("");
		String name = from.path("table_name").asString();
		if (schema.isEmpty() && ctes.containsKey(name)) {
			Map<String, JsonNode> visible = new HashMap<>(ctes);
			JsonNode cte = visible.remove(name);
			return node(cte, visible);
		}
		return schema.isEmpty() ? Optional.empty() : table(schema + "." + name);
	}

	@Override
	public void close() {
		if (this.parser != null) {
			try {
				this.parser.close();
			}
			catch (SQLException ex) {
				// an in-memory database: nothing to keep
			}
			this.parser = null;
		}
	}

}
