package fr.territoire.disclosure;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The independent disclosure audit: for each protected table of
 * {@code mart.secrecy_table} and each period, its own true table from the contributions,
 * what the public layer publishes, and the proofs (see {@link TableAudit}). Writes
 * {@code mart.disclosure_audit}, then fails with {@link ErrorCode#SECRET_RECOVERABLE}
 * naming the first failing cell, never a value.
 */
public final class DisclosureAudit {

	private static final Logger logger = LoggerFactory.getLogger(DisclosureAudit.class);

	/** Failing cells listed in the log, at most. */
	private static final int LOGGED = 20;

	private DisclosureAudit() {
	}

	/**
	 * Audits every protected table with the statements of a project's
	 * {@code warehouse/disclosure/}.
	 * @param connection the warehouse
	 * @param project the project folder
	 * @param interval the protection interval of primary cells of business tables, e.g.
	 * 0.10 for ±10 %
	 * @return what was proved
	 * @throws TerritoireException {@code SECRET_RECOVERABLE} on any failure
	 */
	public static DisclosureReport run(Connection connection, Path project, double interval) {
		return run(connection, DisclosureQueries.load(project), interval);
	}

	/**
	 * Audits every protected table.
	 * @param connection the warehouse
	 * @param queries the statements of {@code warehouse/disclosure/}
	 * @param interval the protection interval of primary cells of business tables
	 * @return what was proved
	 * @throws TerritoireException {@code SECRET_RECOVERABLE} on any failure
	 */
	public static DisclosureReport run(Connection connection, DisclosureQueries queries, double interval) {
		DisclosureReport report = audit(connection, queries, interval);
		List<Failure> failures = report.failures();
		if (!failures.isEmpty()) {
			failures.stream().limit(LOGGED).forEach((failure) -> logger.warn("Disclosure audit: {}", failure));
			throw new TerritoireException(ErrorCode.SECRET_RECOVERABLE,
					"the disclosure audit failed, nothing is published: " + failures.get(0) + "; " + failures.size()
							+ " failing cell" + ((failures.size() > 1) ? "s" : "")
							+ (report.tables().stream().allMatch(TableResult::complete) ? " in all"
									: " found (a table stops being searched after " + TableAudit.ENOUGH_FAILURES + ")")
							+ " (the first " + LOGGED + " are in the log, counts in mart.disclosure_audit)");
		}
		return report;
	}

	/** Audits every protected table and records the results, without failing. */
	static DisclosureReport audit(Connection connection, DisclosureQueries queries, double interval) {
		execute(connection, queries.get("disclosure_audit"));
		List<ProtectedTable> tables = protectedTables(connection, queries.get("protected_tables"));
		List<TableResult> results = new ArrayList<>();
		if (!tables.isEmpty()) {
			Territories territories = Territories.read(connection, queries.get("territory_parents"));
			for (ProtectedTable table : tables) {
				for (int period : periods(connection, queries.get("audited_periods"), table.tableId())) {
					long started = System.nanoTime();
					Cells cells = Cells.read(connection, queries.get("true_cells"), table, period, territories);
					TableResult result = new TableAudit(cells, period, interval).run(connection,
							queries.get("published_cells"), started);
					record(connection, result);
					logger.info(
							"Disclosure audit of {} {}: {} cells, {} published, {} secret, {} unpublished primary, "
									+ "{} determined, {} intervals checked ({} failed), {} singletons failed, {} s",
							result.tableId(), result.period(), result.cells(), result.published(), result.secret(),
							result.unpublishedPrimary(), result.determined(), result.intervalChecked(),
							result.intervalFailed(), result.singletonFailed(),
							String.format(java.util.Locale.ROOT, "%.1f", result.seconds()));
					results.add(result);
				}
			}
		}
		return new DisclosureReport(results);
	}

	private static void execute(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot prepare mart.disclosure_audit: " + ex.getMessage(), ex);
		}
	}

	private static List<ProtectedTable> protectedTables(Connection connection, String sql) {
		List<ProtectedTable> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				List<String> levels = new ArrayList<>();
				Array array = rows.getArray(3);
				if (array != null) {
					for (Object level : (Object[]) array.getArray()) {
						levels.add(String.valueOf(level));
					}
				}
				tables.add(new ProtectedTable(rows.getString(1), "business".equals(rows.getString(2)), levels,
						rows.getInt(4), rows.getDouble(5)));
			}
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot read mart.secrecy_table: " + ex.getMessage(), ex);
		}
		return tables;
	}

	private static List<Integer> periods(Connection connection, String sql, String tableId) {
		List<Integer> periods = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, tableId);
			statement.setString(2, tableId);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					periods.add(rows.getInt(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot read the periods of " + tableId + ": " + ex.getMessage(), ex);
		}
		return periods;
	}

	private static void record(Connection connection, TableResult result) {
		try (PreparedStatement delete = connection
			.prepareStatement("DELETE FROM mart.disclosure_audit WHERE table_id = ? AND period = ?");
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO mart.disclosure_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			delete.setString(1, result.tableId());
			delete.setInt(2, result.period());
			delete.executeUpdate();
			insert.setString(1, result.tableId());
			insert.setInt(2, result.period());
			insert.setLong(3, result.cells());
			insert.setLong(4, result.published());
			insert.setLong(5, result.secret());
			insert.setLong(6, result.unpublishedPrimary());
			insert.setLong(7, result.determined());
			insert.setLong(8, result.intervalChecked());
			insert.setLong(9, result.intervalFailed());
			insert.setLong(10, result.singletonFailed());
			insert.setDouble(11, result.seconds());
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot write mart.disclosure_audit: " + ex.getMessage(), ex);
		}
	}

}
