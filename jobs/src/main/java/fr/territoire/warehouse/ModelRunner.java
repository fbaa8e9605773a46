package fr.territoire.warehouse;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises models as tables, set-based inside DuckDB.
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
		Sql.execute(connection, "model " + model.table(),
				"CREATE OR REPLACE TABLE " + model.table() + " AS\n" + model.sql());
		long count = Sql.queryLong(connection, "SELECT count(*) FROM " + model.table());
		logger.info("Built {} ({} rows) in {} ms", model.table(), count, (System.nanoTime() - started) / 1_000_000);
		return Map.entry(model.table(), count);
	}

}
