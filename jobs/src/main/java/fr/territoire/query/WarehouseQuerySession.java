package fr.territoire.query;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Warehouses;
import org.duckdb.DuckDBConnection;

/**
 * A query session on a warehouse file opened read-only (so the nightly can keep building
 * the next one), with external access disabled so that a query can neither read nor write
 * files, and the configuration locked.
 */
public final class WarehouseQuerySession implements QuerySession {

	private final DuckDBConnection connection;

	private WarehouseQuerySession(DuckDBConnection connection) {
		this.connection = connection;
	}

	/**
	 * Opens a warehouse for ad-hoc queries.
	 * @param warehouse the DuckDB file
	 * @param settings memory and threads
	 * @return the session
	 */
	public static WarehouseQuerySession open(Path warehouse, TerritoireProperties.Warehouse settings) {
		if (!Files.isRegularFile(warehouse)) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"no warehouse yet at " + warehouse + ": run 'territoire run nightly' first");
		}
		DuckDBConnection connection = Warehouses.open(warehouse, true, settings);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET enable_external_access = false");
			statement.execute("SET lock_configuration = true");
		}
		catch (SQLException ex) {
			close(connection);
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot secure the warehouse " + warehouse + ": " + ex.getMessage(), ex);
		}
		return new WarehouseQuerySession(connection);
	}

	@Override
	public long execute(String sql, ResultPrinter printer, PrintWriter out) {
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			long rows = printer.print(result, out);
			out.flush();
			return rows;
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.BAD_QUERY, null, "DuckDB refused the query: " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public List<String> tables() {
		return strings("SELECT table_schema || '.' || table_name FROM information_schema.tables "
				+ "WHERE table_catalog = current_database() ORDER BY 1");
	}

	@Override
	public List<String> columns(String table) {
		int dot = table.indexOf('.');
		if (dot < 0) {
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
	}

	private static void close(DuckDBConnection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// closing a read-only connection loses nothing
		}
	}

}
