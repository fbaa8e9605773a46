package fr.territoire.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlFile;
import fr.territoire.warehouse.TableSpec;
import fr.territoire.warehouse.WarehouseSchema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validity periods of the register's establishments, set-based in DuckDB.
 * <p>
 * {@code core.establishment_history} has one row per siret and period during which its
 * administrative state and commune (of the target geography) stayed the same; periods are
 * half-open, {@code [valid_from, valid_to)}, by stock month, and the open one has a null
 * {@code valid_to}. {@code core.establishment_stock} lists the stocks taken into the
 * history, one per month, with their fingerprint. Both are copied from the last good
 * warehouse (attached read-only, never written) and then brought up to date with the
 * stock being loaded: a stock whose fingerprint is already the latest changes nothing.
 * <p>
 * The SQL is in {@code warehouse/history/} (the tables in
 * {@code warehouse/schema/core/}); this class decides which statement runs when, and sets
 * the DuckDB variables they read.
 */
public final class EstablishmentHistory {

	static final String SOURCE = "sirene_etablissement";

	static final List<String> TABLES = List.of("core.establishment_history", "core.establishment_stock");

	private static final Logger logger = LoggerFactory.getLogger(EstablishmentHistory.class);

	private final HistoryStatements statements;

	private final List<String> tables;

	private EstablishmentHistory(HistoryStatements statements, List<String> tables) {
		this.statements = statements;
		this.tables = List.copyOf(tables);
	}

	/**
	 * The history's statements and tables, read from the project.
	 * @param project the project folder
	 * @return the history, ready to update a warehouse
	 * @throws TerritoireException when a file is missing or invalid
	 */
	public static EstablishmentHistory load(Path project) {
		return of(HistoryStatements.load(project), WarehouseSchema.load(project));
	}

	/**
	 * The history's statements and tables, from the project's configuration.
	 * @param statements {@code warehouse/history/}
	 * @param schema {@code warehouse/schema/}
	 * @return the history, ready to update a warehouse
	 * @throws TerritoireException when a file is missing or invalid
	 */
	public static EstablishmentHistory of(HistoryStatements statements, WarehouseSchema schema) {
		List<Problem> problems = new ArrayList<>(statements.problems());
		problems.addAll(schema.problems());
		List<String> tables = new ArrayList<>();
		for (String table : TABLES) {
			schema.table(table)
				.map(SqlFile<TableSpec>::sql)
				.ifPresentOrElse(tables::add, () -> problems.add(Problem.of("warehouse/schema", "no " + table,
						"restore warehouse/schema/" + table.replace('.', '/') + ".sql")));
		}
		if (!problems.isEmpty()) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, null,
					"invalid history statements (run 'territoire check'): " + problems, null);
		}
		return new EstablishmentHistory(statements, tables);
	}

	/** The date of the run being built, from {@code meta.run}. */
	public LocalDate runDate(Connection connection) {
		return LocalDate.parse(Sql.queryRows(connection, this.statements.sql("current_run_date")).get(0).get(0));
	}

	/**
	 * Rebuilds the history tables from the last good warehouse, if any, then applies the
	 * stock of the register loaded by this run.
	 * @param connection the warehouse under construction
	 * @param previous the last good warehouse, attached read-only when it exists
	 * @param runDate the run's date; its month is the stock month
	 * @return what the stock did to the history
	 */
	public HistoryOutcome update(Connection connection, Path previous, LocalDate runDate) {
		for (String table : this.tables) {
			Sql.execute(connection, "create history tables", table);
		}
		run(connection, "reset");
		copyPrevious(connection, previous);
		LocalDate month = runDate.withDayOfMonth(1);
		Sql.execute(connection, "set the history's variables",
				"SET VARIABLE history_source = " + Sql.literal(SOURCE) + ";\nSET VARIABLE stock_month = DATE "
						+ Sql.literal(month.toString()) + ";\nSET VARIABLE run_date = DATE "
						+ Sql.literal(runDate.toString()));
		String fingerprint = fingerprint(connection);
		if (fingerprint == null) {
			return HistoryOutcome.unchanged(month, "", "no register stock loaded");
		}
		List<List<String>> latest = Sql.queryRows(connection, this.statements.sql("latest_stock"));
		if (!latest.isEmpty()) {
			LocalDate latestMonth = LocalDate.parse(latest.get(0).get(0));
			if (fingerprint.equals(latest.get(0).get(1))) {
				return HistoryOutcome.unchanged(month, fingerprint, "same stock as " + latestMonth);
			}
			if (month.isBefore(latestMonth)) {
				logger.warn("History unchanged: the stock of {} is older than the latest one in history, {}", month,
						latestMonth);
				return HistoryOutcome.unchanged(month, fingerprint, "older than the latest stock, " + latestMonth);
			}
			if (month.equals(latestMonth)) {
				run(connection, "take_back_stock");
				logger.info("Stock of {} replaced by a different one: its changes to the history were taken back",
						month);
			}
		}
		return apply(connection, month, fingerprint);
	}

	private void copyPrevious(Connection connection, Path previous) {
		if (!Files.isRegularFile(previous)) {
			return;
		}
		Sql.execute(connection, "attach the last good warehouse",
				"ATTACH " + Sql.literal(previous.toString()) + " AS previous (READ_ONLY)");
		try {
			List<List<String>> hasHistory = Sql.queryRows(connection, this.statements.sql("previous_has_history"));
			if (Boolean.parseBoolean(hasHistory.get(0).get(0))) {
				run(connection, "copy_previous");
			}
		}
		finally {
			Sql.execute(connection, "detach the last good warehouse", "DETACH previous");
		}
	}

	/** SHA-256 of the sorted SHA-256 of the stock's files, null without files. */
	private @Nullable String fingerprint(Connection connection) {
		List<List<String>> rows = Sql.queryRows(connection, this.statements.sql("stock_fingerprint"));
		return rows.isEmpty() ? null : rows.get(0).get(0);
	}

	private HistoryOutcome apply(Connection connection, LocalDate month, String fingerprint) {
		Sql.execute(connection, "set the stock's fingerprint",
				"SET VARIABLE stock_fingerprint = " + Sql.literal(fingerprint));
		run(connection, "read_stock");
		run(connection, "close_changed_periods");
		long closed = Sql.queryLong(connection, this.statements.sql("periods_closed"));
		run(connection, "open_new_periods");
		long opened = Sql.queryLong(connection, this.statements.sql("periods_opened"));
		run(connection, "record_stock");
		return new HistoryOutcome(month, fingerprint, true, "stock taken into the history", closed, opened);
	}

	private void run(Connection connection, String statement) {
		Sql.execute(connection, "history: warehouse/history/" + statement + ".sql", this.statements.sql(statement));
	}

}
