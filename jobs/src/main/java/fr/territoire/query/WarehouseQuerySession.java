package fr.territoire.query;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.RunState;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Warehouses;
import org.duckdb.DuckDBConnection;

/**
 * A query session on a warehouse file opened read-only (so the nightly can keep building
 * the next one), bounded and limited to the reader's layers:
 * <ul>
 * <li>exactly one read statement per call, checked by {@link QueryGuard} before it runs
 * (no ATTACH, COPY, SET, INSTALL, LOAD, CREATE…, no file read or written, not even the
 * warehouse's own {@code .wal} that DuckDB lets a read-only session write);</li>
 * <li>only the tables of the reader's {@link Layers} ({@code public} and {@code mart} by
 * default);</li>
 * <li>a timeout, a memory limit, threads and a spill size limit, the spill in a folder of
 * this process deleted at close;</li>
 * <li>external access disabled and the configuration locked, as a second wall.</li>
 * </ul>
 */
public final class WarehouseQuerySession implements QuerySession {

	private final DuckDBConnection connection;

	private final QueryGuard guard;

	private final Layers layers;

	private final TerritoireProperties.Query settings;

	private final SpillFolder spill;

	private WarehouseQuerySession(DuckDBConnection connection, QueryGuard guard, Layers layers,
			TerritoireProperties.Query settings, SpillFolder spill) {
		this.connection = connection;
		this.guard = guard;
		this.layers = layers;
		this.settings = settings;
		this.spill = spill;
	}

	/**
	 * Opens the last good warehouse ({@code current.duckdb}) for ad-hoc queries.
	 * @param home the home folder
	 * @param settings bounds; {@code allSchemas} opens every schema
	 * @return the session
	 */
	public static WarehouseQuerySession openCurrent(TerritoireHome home, TerritoireProperties.Query settings) {
		return open(home.currentWarehouse(), spillRoot(home), settings,
				settings.allSchemas() ? Layers.every() : Layers.published());
	}

	/**
	 * Opens the warehouse a failed run kept ({@code next.duckdb}) so that its quarantine
	 * can be read: {@code quality} and {@code meta} besides the published layers (or
	 * every schema with {@code allSchemas}). Refused while a run is active, since the run
	 * writes that file.
	 * @param home the home folder
	 * @param settings bounds
	 * @return the session
	 */
	public static WarehouseQuerySession openFailedRun(TerritoireHome home, TerritoireProperties.Query settings) {
		if (RunState.lockHeld(home.runLock())) {
			throw new TerritoireException(ErrorCode.RUN_CONFLICT, null,
					"a run is active and is writing " + home.nextWarehouse() + ": query it when the run has ended",
					null);
		}
		if (!Files.isRegularFile(home.nextWarehouse())) {
			throw new TerritoireException(ErrorCode.BAD_USAGE, null,
					"no failed run to read: " + home.nextWarehouse() + " does not exist", null);
		}
		return open(home.nextWarehouse(), spillRoot(home), settings,
				settings.allSchemas() ? Layers.every() : Layers.failedRun());
	}

	/**
	 * Opens a warehouse for ad-hoc queries.
	 * @param warehouse the DuckDB file
	 * @param spillRoot the folder under which this process's spill folder is made
	 * @param settings bounds
	 * @param layers what the reader may query
	 * @return the session
	 */
	public static WarehouseQuerySession open(Path warehouse, Path spillRoot, TerritoireProperties.Query settings,
			Layers layers) {
		if (!Files.isRegularFile(warehouse)) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"no warehouse yet at " + warehouse + ": run 'territoire run nightly' first");
		}
		SpillFolder spill = SpillFolder.create(spillRoot);
		DuckDBConnection connection;
		try {
			connection = openReadOnly(warehouse,
					new TerritoireProperties.Warehouse(settings.memoryLimit(), settings.threads()));
		}
		catch (RuntimeException ex) {
			spill.close();
			throw ex;
		}
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("SET temp_directory = '" + spill.path().toAbsolutePath().toString().replace("'", "''") + "'");
			statement.execute("SET max_temp_directory_size = '" + settings.maxSpill() + "'");
			if (!layers.all()) {
				statement.execute("SET search_path = '" + String.join(",", existing(connection, layers)) + "'");
			}
			statement.execute("SET enable_external_access = false");
			statement.execute("SET lock_configuration = true");
			QueryGuard guard = QueryGuard.load(connection, layers);
			return new WarehouseQuerySession(connection, guard, layers, settings, spill);
		}
		catch (SQLException ex) {
			close(connection);
			spill.close();
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot secure the warehouse " + warehouse + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The reader's schemas present in the file, in order (a search path names only
	 * those).
	 */
	private static List<String> existing(DuckDBConnection connection, Layers layers) throws SQLException {
		List<String> schemas = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT lower(schema_name) FROM duckdb_schemas() "
						+ "WHERE database_name = current_database()")) {
			while (result.next()) {
				schemas.add(result.getString(1));
			}
		}
		List<String> present = layers.schemas().stream().filter(schemas::contains).toList();
		return present.isEmpty() ? List.of("main") : present;
	}

	private static Path spillRoot(TerritoireHome home) {
		return home.root().resolve("tmp");
	}

	/** What this reader may query. */
	public Layers layers() {
		return this.layers;
	}

	@Override
	public long execute(String sql, ResultPrinter printer, PrintWriter out) {
		String statement = this.guard.check(this.connection, sql);
		long seconds = this.settings.timeout().toSeconds();
		try (Statement query = this.connection.createStatement()) {
			query.setQueryTimeout((int) seconds);
			try (ResultSet result = query.executeQuery(statement)) {
				long rows = printer.print(result, out);
				out.flush();
				return rows;
			}
		}
		catch (SQLTimeoutException ex) {
			throw new TerritoireException(ErrorCode.BAD_QUERY, null,
					"the query was stopped after " + seconds + " s (territoire.query.timeout)", ex);
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.BAD_QUERY, null, "DuckDB refused the query: " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public List<String> tables() {
		return strings("SELECT table_schema || '.' || table_name FROM information_schema.tables "
				+ "WHERE table_catalog = current_database() ORDER BY 1")
			.stream()
			.filter((table) -> this.layers.allows(table.substring(0, table.indexOf('.'))) && !this.layers
				.confidential(table.substring(0, table.indexOf('.')), table.substring(table.indexOf('.') + 1)))
			.toList();
	}

	@Override
	public List<String> columns(String table) {
		int dot = table.indexOf('.');
		if (dot < 0 || !this.layers.all()
				&& !this.layers.schemas().contains(table.substring(0, dot).toLowerCase(java.util.Locale.ROOT))) {
			return List.of();
		}
		try (var statement = this.connection.prepareStatement("SELECT column_name FROM information_schema.columns "
				+ "WHERE table_catalog = current_database() AND table_schema = ? AND table_name = ? "
				+ "ORDER BY ordinal_position")) {
			statement.setString(1, table.substring(0, dot));
			statement.setString(2, table.substring(dot + 1));
			List<String> columns = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					columns.add(result.getString(1));
				}
			}
			return columns;
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, "cannot list columns: " + ex.getMessage(), ex);
		}
	}

	private List<String> strings(String sql) {
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, "cannot list tables: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		close(this.connection);
		this.spill.close();
	}

	private static void close(DuckDBConnection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// closing a read-only connection loses nothing
		}
	}

	/**
	 * Opens a warehouse read-only; while a run that reused the last run's outputs records
	 * itself in {@code current.duckdb} (a write of a few milliseconds,
	 * docs/operations.md) DuckDB refuses readers the file's lock: the open is tried again
	 * for up to 10 s.
	 */
	private static DuckDBConnection openReadOnly(Path warehouse, TerritoireProperties.Warehouse settings) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (true) {
			try {
				return Warehouses.open(warehouse, true, settings);
			}
			catch (RuntimeException ex) {
				String message = String.valueOf(ex.getMessage());
				if (!message.contains("lock") || System.nanoTime() > deadline) {
					throw ex;
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

}
