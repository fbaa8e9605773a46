package fr.territoire.secrecy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Secondary suppression of one protected table and period: reads the cells (with their
 * primary status) from {@code mart.secrecy_cell}, the territorial hierarchy from
 * {@code core.territory_parent} and the sector parentage from
 * {@code mart.secrecy_contribution}, chooses the cells to hide so that no primary cell
 * can be recomputed from the published ones, and writes {@code secret_secondary} on them
 * in one bulk statement.
 */
public final class SecondarySuppression {

	private static final String TEMPORARY = "secondary_suppressed_cell";

	private SecondarySuppression() {
	}

	/**
	 * Protects one table and period.
	 * @param connection the warehouse (DuckDB)
	 * @param tableId the protected table
	 * @param period the period
	 * @param method how to choose the cells
	 * @param interval the protection interval of business tables (0.10: every primary
	 * cell's feasible range must reach ±10 % of its value), 0 for none
	 * @return what was done
	 * @throws IllegalStateException on inconsistent input
	 */
	public static SuppressionResult protect(Connection connection, String tableId, int period, SuppressionMethod method,
			double interval) {
		long start = System.nanoTime();
		try {
			SuppressionTable table = SuppressionTable.read(connection, tableId, period);
			byte[] status = switch (method) {
				case GAUSSIAN -> new GaussianProtection(table, interval).protect();
				case SMALLEST_CELL -> SmallestCellProtection.protect(table);
			};
			write(connection, table, status);
			return result(table, status, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"secondary suppression of " + tableId + " " + period + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Counts the primary cells of a table that its published non-secret cells determine
	 * exactly (by the same elimination as {@link SuppressionMethod#GAUSSIAN}): for
	 * benchmarks that compare methods. The nightly relies on the independent audit.
	 * @param connection the warehouse
	 * @param tableId the table
	 * @param period the period
	 * @return how many primary cells are recoverable
	 */
	public static long recoverablePrimaryCells(Connection connection, String tableId, int period) {
		try {
			SuppressionTable table = SuppressionTable.read(connection, tableId, period);
			byte[] status = table.status.clone();
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT status = 'secret_secondary' " + "FROM mart.secrecy_cell WHERE table_id = ? AND period = ? "
							+ "ORDER BY level, territory_code, sector_level, sector_code")) {
				select.setString(1, tableId);
				select.setInt(2, period);
				try (java.sql.ResultSet rows = select.executeQuery()) {
					for (int cell = 0; rows.next(); cell++) {
						if (rows.getBoolean(1)) {
							status[cell] = SuppressionTable.SECONDARY;
						}
					}
				}
			}
			return GaussianProtection.recoverable(table, status);
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"checking " + tableId + " " + period + ": " + ex.getMessage(), ex);
		}
	}

	static SuppressionResult result(SuppressionTable table, byte[] status, Duration elapsed) {
		long publishedCells = 0;
		long primary = 0;
		long secondary = 0;
		double publishedValue = 0;
		double suppressedValue = 0;
		for (int cell = 0; cell < table.cellCount; cell++) {
			primary += (status[cell] == SuppressionTable.PRIMARY) ? 1 : 0;
			secondary += (status[cell] == SuppressionTable.SECONDARY) ? 1 : 0;
			if (table.published[cell]) {
				publishedCells++;
				publishedValue += table.value[cell];
				if (status[cell] != SuppressionTable.OK) {
					suppressedValue += table.value[cell];
				}
			}
		}
		return new SuppressionResult(table.tableId, table.period, table.cellCount, publishedCells, primary, secondary,
				publishedValue, suppressedValue, elapsed);
	}

	private static void write(Connection connection, SuppressionTable table, byte[] status) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE TEMP TABLE " + TEMPORARY
					+ " (level VARCHAR, territory_code VARCHAR, sector_level VARCHAR, sector_code VARCHAR)");
		}
		DuckDBConnection duckdb = connection.unwrap(DuckDBConnection.class);
		try (DuckDBAppender appender = duckdb.createAppender("temp", "main", TEMPORARY)) {
			for (int cell = 0; cell < table.cellCount; cell++) {
				if (status[cell] == SuppressionTable.SECONDARY) {
					appender.beginRow();
					appender.append(SuppressionTable.LEVELS[table.level[cell]]);
					appender.append(table.territoryCodes.get(table.territory[cell]));
					appender.append(table.sectorLevelName(cell));
					appender.append(table.sectorCodes.get(table.sector[cell]));
					appender.endRow();
				}
			}
		}
		try (PreparedStatement reset = connection.prepareStatement("UPDATE mart.secrecy_cell SET status = 'ok' "
				+ "WHERE table_id = ? AND period = ? AND status = 'secret_secondary'")) {
			reset.setString(1, table.tableId);
			reset.setInt(2, table.period);
			reset.executeUpdate();
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE mart.secrecy_cell AS c SET status = 'secret_secondary' FROM " + TEMPORARY
					+ " AS s WHERE c.table_id = ? AND c.period = ? AND c.level = s.level"
					+ " AND c.territory_code = s.territory_code AND c.sector_level = s.sector_level"
					+ " AND c.sector_code = s.sector_code")) {
			update.setString(1, table.tableId);
			update.setInt(2, table.period);
			update.executeUpdate();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE " + TEMPORARY);
		}
	}

}
