package fr.territoire.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory DuckDB where each dataset of a release is a view over its Parquet files:
 * {@code release.<dataset>} for the release being described, {@code previous.<dataset>}
 * for the one before it. The warehouse is not touched.
 */
final class ReleaseViews implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReleaseViews.class);

	static final String CURRENT = "release";

	static final String PREVIOUS = "previous";

	private final Connection connection;

	private ReleaseViews(Connection connection) {
		this.connection = connection;
	}

	static ReleaseViews open(PublishedRelease release, @Nullable PublishedRelease previous, Limits limits) {
		try {
			Properties properties = new Properties();
			properties.setProperty("autoinstall_known_extensions", "false");
			properties.setProperty("autoload_known_extensions", "false");
			ReleaseViews views = new ReleaseViews(DriverManager.getConnection("jdbc:duckdb:", properties));
			Sql.execute(views.connection, "configure the catalogue's DuckDB",
					"SET memory_limit = " + Sql.literal(limits.memoryLimit()) + "; SET threads = " + limits.threads()
							+ "; SET preserve_insertion_order = true" + ((limits.spill() != null)
									? "; SET temp_directory = " + Sql.literal(limits.spill().toString()) : ""));
			views.create(CURRENT, release);
			if (previous != null) {
				views.create(PREVIOUS, previous);
			}
			return views;
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, "cannot open DuckDB: " + ex.getMessage(), ex);
		}
	}

	Connection connection() {
		return this.connection;
	}

	/** Whether a dataset has a view in a schema. */
	boolean has(String schema, String dataset) {
		return Sql.queryLong(this.connection,
				"SELECT count(*) FROM duckdb_views() WHERE schema_name = ? AND view_name = ?", schema, dataset) > 0;
	}

	/** The columns of a dataset's view, in order. */
	List<String> columns(String schema, String dataset) {
		return Sql
			.queryRows(this.connection,
					"SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
							+ "ORDER BY column_index",
					schema, dataset)
			.stream()
			.map((row) -> row.get(0))
			.toList();
	}

	/** The view of a dataset, quoted. */
	static String view(String schema, String dataset) {
		return Sql.identifier(schema) + "." + Sql.identifier(dataset);
	}

	private void create(String schema, PublishedRelease release) {
		Sql.execute(this.connection, "create schema " + schema, "CREATE SCHEMA " + Sql.identifier(schema));
		for (PublishedRelease.Dataset dataset : release.datasets()) {
			List<String> files = dataset.parquet();
			if (files.isEmpty()) {
				continue;
			}
			String list = files.stream()
				.map((file) -> release.folder().resolve(file))
				.map((file) -> Files.isDirectory(file) ? file.resolve("**").resolve("*.parquet") : file)
				.map((file) -> Sql.literal(file.toString()))
				.collect(Collectors.joining(", ", "[", "]"));
			try {
				Sql.execute(this.connection, "read " + release.id() + "/" + dataset.name(),
						"CREATE VIEW " + view(schema, dataset.name()) + " AS SELECT * FROM read_parquet(" + list + ")");
			}
			catch (TerritoireException ex) {
				logger.warn("The Parquet files of {} in release {} cannot be read; its preview and changes are left "
						+ "out: {}", dataset.name(), release.id(), ex.getMessage());
			}
		}
	}

	/**
	 * What the catalogue's DuckDB may use.
	 *
	 * @param memoryLimit its memory limit, e.g. {@code 2GB}
	 * @param threads its threads
	 * @param spill the folder it spills to, null for DuckDB's default
	 */
	record Limits(String memoryLimit, int threads, @Nullable Path spill) {

		/** Small limits for tests. */
		static Limits small() {
			return new Limits("512MB", 1, null);
		}

	}

	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// an in-memory database: nothing is lost
		}
	}

}
