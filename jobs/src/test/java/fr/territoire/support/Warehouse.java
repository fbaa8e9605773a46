package fr.territoire.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Reads a warehouse file read-only in tests.
 */
public final class Warehouse implements AutoCloseable {

	private final Connection connection;

	private Warehouse(Connection connection) {
		this.connection = connection;
	}

	public static Warehouse open(Path file) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("duckdb.read_only", "true");
		return new Warehouse(DriverManager.getConnection("jdbc:duckdb:" + file, properties));
	}

	/** An empty in-memory DuckDB, used as an independent reader of published files. */
	public static Warehouse inMemory() throws SQLException {
		return new Warehouse(DriverManager.getConnection("jdbc:duckdb:"));
	}

	public long count(String sql) throws SQLException {
		return number(sql).longValue();
	}

	public Number number(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			if (!result.next()) {
				throw new IllegalStateException("no row for " + sql);
			}
			return (Number) result.getObject(1);
		}
	}

	public String text(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	/** Every row of a query, each value as text (null stays null). */
	public java.util.List<java.util.List<String>> rows(String sql) throws SQLException {
		java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				java.util.List<String> row = new java.util.ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
