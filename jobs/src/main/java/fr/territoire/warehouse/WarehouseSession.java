package fr.territoire.warehouse;

import java.sql.SQLException;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The one read-write connection of a running job to {@code next.duckdb}, opened on first
 * use and closed when the job ends. Kept out of the {@code DataSource} beans on purpose:
 * the job repository is H2 and Boot's auto-configured data source must stay the only one.
 */
public class WarehouseSession implements AutoCloseable {

	private static final String SCHEMAS = "raw staging geography core mart public quality meta";

	private final TerritoireHome home;

	private final TerritoireProperties.Warehouse settings;

	private @Nullable DuckDBConnection connection;

	public WarehouseSession(TerritoireHome home, TerritoireProperties.Warehouse settings) {
		this.home = home;
		this.settings = settings;
	}

	/** The connection to the warehouse under construction. */
	public synchronized DuckDBConnection connection() {
		if (this.connection == null) {
			DuckDBConnection opened = Warehouses.open(this.home.nextWarehouse(), false, this.settings);
			for (String schema : SCHEMAS.split(" ")) {
				Sql.execute(opened, "create schema " + schema, "CREATE SCHEMA IF NOT EXISTS " + schema);
			}
			Sql.execute(opened, "create meta tables", MetaTables.DDL);
			Sql.execute(opened, "create macros", Macros.DDL);
			this.connection = opened;
		}
		return this.connection;
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
