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
			this.connection = opened;
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
			try {
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
