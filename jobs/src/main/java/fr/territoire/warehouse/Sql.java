package fr.territoire.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;

/**
 * Small helpers to run SQL in DuckDB and turn its errors into
 * {@link TerritoireException}s that say what was being done.
 */
public final class Sql {

	private Sql() {
	}

	/** Runs one or several statements. */
	public static void execute(Connection connection, String what, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, what + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs a statement that writes rows ({@code COPY … TO}, {@code INSERT}).
	 * @return the rows DuckDB reports written
	 */
	public static long write(Connection connection, String what, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
			return statement.getUpdateCount();
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, what + ": " + ex.getMessage(), ex);
		}
	}

	/** A single number, e.g. a count. */
	public static long queryLong(Connection connection, String sql, Object... parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, parameters);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, ex.getMessage() + " in: " + sql, ex);
		}
	}

	/** Rows as lists of strings (nulls as null). */
	public static List<List<String>> queryRows(Connection connection, String sql, Object... parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, parameters);
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				List<List<String>> rows = new ArrayList<>();
				while (result.next()) {
					List<String> row = new ArrayList<>(columns);
					for (int i = 1; i <= columns; i++) {
						row.add(result.getString(i));
					}
					rows.add(row);
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, ex.getMessage() + " in: " + sql, ex);
		}
	}

	/** Runs an update with parameters. */
	public static void update(Connection connection, String sql, Object... parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, parameters);
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null, ex.getMessage() + " in: " + sql, ex);
		}
	}

	/** A SQL string literal. */
	public static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/** A quoted SQL identifier. */
	public static String identifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameters[i]);
		}
	}

}
