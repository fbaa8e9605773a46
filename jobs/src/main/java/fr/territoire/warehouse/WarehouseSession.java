package fr.territoire.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one read-write connection of a running job to {@code next.duckdb}, opened on first
 * use and closed when the job ends. The file is created in a storage version DuckDB 1.5
 * clients can read ({@link Warehouses#openForReaders}). Kept out of the
 * {@code DataSource} beans on purpose: the job repository is H2 and Boot's
 * auto-configured data source must stay the only one.
 */
public class WarehouseSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WarehouseSession.class);

	private static final String SCHEMAS = "raw staging geography core mart public quality meta";

	private final TerritoireHome home;

	private final TerritoireProperties.Warehouse settings;

	private final WarehouseSchema schema;

	private final MacroCatalog macros;

	private @Nullable DuckDBConnection connection;

	/** A statement of the connection kept to ask DuckDB how far its running query is. */
	private volatile @Nullable DuckDBPreparedStatement progressProbe;

	/**
	 * A session whose tables and macros are those of the project's configuration.
	 * @param home the folders
	 * @param settings DuckDB settings
	 * @param schema the tables every warehouse has ({@code warehouse/schema/})
	 * @param macros the macros ({@code warehouse/macros/})
	 */
	public WarehouseSession(TerritoireHome home, TerritoireProperties.Warehouse settings, WarehouseSchema schema,
			MacroCatalog macros) {
		this.home = home;
		this.settings = settings;
		this.schema = requireValid(schema.problems(), schema);
		this.macros = requireValid(macros.problems(), macros);
	}

	/** A session reading the tables and macros of the home's project folder. */
	public WarehouseSession(TerritoireHome home, TerritoireProperties.Warehouse settings) {
		this(home, settings, WarehouseSchema.load(home.project()), MacroCatalog.load(home.project()));
	}

	private static <T> T requireValid(List<Problem> problems, T catalog) {
		if (!problems.isEmpty()) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(problems.get(0).file()),
					"invalid warehouse/schema or warehouse/macros (run 'territoire check'): " + problems, null);
		}
		return catalog;
	}

	/** The connection to the warehouse under construction. */
	public synchronized DuckDBConnection connection() {
		if (this.connection == null) {
			DuckDBConnection opened = Warehouses.openForReaders(this.home.nextWarehouse(), this.settings);
			try {
				create(opened, this.schema, this.macros);
			}
			catch (RuntimeException ex) {
				try {
					opened.close();
				}
				catch (SQLException closing) {
					ex.addSuppressed(closing);
				}
				throw ex;
			}
			logger.info("Warehouse {} open, storage version {}", this.home.nextWarehouse(),
					Warehouses.storageVersion(opened));
			// DuckDB measures the progress of a query only with its progress bar on
			// (never
			// printed: our own progress line shows it)
			Sql.execute(opened, "follow the progress of queries",
					"SET enable_progress_bar = true; SET enable_progress_bar_print = false");
			this.connection = opened;
			try {
				this.progressProbe = (DuckDBPreparedStatement) opened.createStatement();
			}
			catch (SQLException | ClassCastException ex) {
				logger.debug("No progress of queries: {}", ex.getMessage());
			}
		}
		return this.connection;
	}

	/**
	 * Creates the schemas of the layers, the tables of {@code warehouse/schema/} and the
	 * macros of {@code warehouse/macros/} of a project.
	 * @param connection a warehouse
	 * @param project the project folder
	 */
	public static void create(Connection connection, Path project) {
		create(connection, requireValid(WarehouseSchema.load(project).problems(), WarehouseSchema.load(project)),
				requireValid(MacroCatalog.load(project).problems(), MacroCatalog.load(project)));
	}

	private static void create(Connection connection, WarehouseSchema schema, MacroCatalog macros) {
		for (String name : SCHEMAS.split(" ")) {
			Sql.execute(connection, "create schema " + name, "CREATE SCHEMA IF NOT EXISTS " + name);
		}
		schema.create(connection);
		macros.create(connection);
	}

	/**
	 * How far the statement running on the warehouse has got, asked from another thread
	 * (the progress line); empty when none runs, the warehouse is not open or DuckDB
	 * cannot say. Never opens the warehouse and never waits for the running statement.
	 */
	public java.util.Optional<RunningQuery> runningQuery() {
		DuckDBPreparedStatement probe = this.progressProbe;
		if (probe == null) {
			return java.util.Optional.empty();
		}
		try {
			QueryProgress progress = probe.getQueryProgress();
			if (progress == null || progress.getPercentage() < 0 || progress.getTotalRowsToProcess() <= 0) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(new RunningQuery(progress.getPercentage(), progress.getRowsProcessed(),
					progress.getTotalRowsToProcess()));
		}
		catch (SQLException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

	public TerritoireHome home() {
		return this.home;
	}

	public TerritoireProperties.Warehouse settings() {
		return this.settings;
	}

	/** Checkpoints and closes the connection, if open. */
	@Override
	public synchronized void close() {
		if (this.connection != null) {
			DuckDBPreparedStatement probe = this.progressProbe;
			this.progressProbe = null;
			try {
				if (probe != null) {
					probe.close();
				}
				Sql.execute(this.connection, "checkpoint", "CHECKPOINT");
				this.connection.close();
			}
			catch (SQLException ex) {
				throw new TerritoireException(ErrorCode.WAREHOUSE, null,
						"cannot close the warehouse: " + ex.getMessage(), ex);
			}
			finally {
				this.connection = null;
			}
		}
	}

}
