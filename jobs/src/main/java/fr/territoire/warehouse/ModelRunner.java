package fr.territoire.warehouse;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises models as tables (or, when their YAML says {@code materialized: view}, as
 * views), set-based inside DuckDB.
 */
public final class ModelRunner {

	private static final Logger logger = LoggerFactory.getLogger(ModelRunner.class);

	private ModelRunner() {
	}

	/**
	 * Builds every model of a layer, in dependency order.
	 * @return rows per table built
	 */
	public static Map<String, Long> build(Connection connection, ModelCatalog catalog, SqlModel.Layer layer) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (SqlModel model : catalog.layer(layer)) {
			Map.Entry<String, Long> built = build(connection, model);
			rows.put(built.getKey(), built.getValue());
		}
		return rows;
	}

	/**
	 * Builds one model.
	 * @return the table built and its row count
	 */
	public static Map.Entry<String, Long> build(Connection connection, SqlModel model) {
		long started = System.nanoTime();
		String kind = model.spec().isView() ? "VIEW" : "TABLE";
		dropOtherKind(connection, model.table(), kind);
		Sql.execute(connection, "model " + model.table(),
				"CREATE OR REPLACE " + kind + " " + model.table() + " AS\n" + model.sql());
		long count = Sql.queryLong(connection, "SELECT count(*) FROM " + model.table());
		logger.info("Built {} {} ({} rows) in {} ms", kind.toLowerCase(java.util.Locale.ROOT), model.table(), count,
				(System.nanoTime() - started) / 1_000_000);
		return Map.entry(model.table(), count);
	}

	/**
	 * Drops the object of the model's name when it is of the other kind (a table that
	 * became a view, or the reverse, in a warehouse carried over from an earlier run):
	 * DuckDB replaces a table by a table and a view by a view only.
	 */
	private static void dropOtherKind(Connection connection, String table, String kind) {
		String[] parts = table.split("\\.");
		String other = "VIEW".equals(kind) ? "BASE TABLE" : "VIEW";
		if (Sql.queryLong(connection,
				"SELECT count(*) FROM information_schema.tables WHERE table_schema = ? "
						+ "AND table_name = ? AND table_type = ? AND table_catalog = current_database()",
				parts[0], parts[1], other) > 0) {
			Sql.execute(connection, "drop " + table, "DROP " + ("VIEW".equals(other) ? "VIEW " : "TABLE ") + table);
		}
	}

}
