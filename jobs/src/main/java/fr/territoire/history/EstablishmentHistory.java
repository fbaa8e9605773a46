package fr.territoire.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import fr.territoire.warehouse.Sql;
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
 */
public final class EstablishmentHistory {

	static final String SOURCE = "sirene_etablissement";

	private static final Logger logger = LoggerFactory.getLogger(EstablishmentHistory.class);

	private static final String DDL = """
			CREATE OR REPLACE TABLE core.establishment_history (
			    siret VARCHAR NOT NULL,
			    etat_administratif VARCHAR,
			    commune_code VARCHAR,
			    valid_from DATE NOT NULL,
			    valid_to DATE
			);
			CREATE OR REPLACE TABLE core.establishment_stock (
			    stock_month DATE NOT NULL PRIMARY KEY,
			    run_date DATE NOT NULL,
			    fingerprint VARCHAR NOT NULL,
			    establishments BIGINT NOT NULL
			);
			""";

	private static final String CURRENT_STOCK = """
			CREATE OR REPLACE TEMP TABLE history_stock AS
			SELECT siret, etat_administratif, commune_code
			FROM geography.sirene_etablissement
			WHERE siret IS NOT NULL
			QUALIFY row_number() OVER (PARTITION BY siret ORDER BY etat_administratif, commune_code) = 1
			""";

	private EstablishmentHistory() {
	}

	/**
	 * Rebuilds the history tables from the last good warehouse, if any, then applies the
	 * stock of the register loaded by this run.
	 * @param connection the warehouse under construction
	 * @param previous the last good warehouse, attached read-only when it exists
	 * @param runDate the run's date; its month is the stock month
	 */
	public static HistoryOutcome update(Connection connection, Path previous, LocalDate runDate) {
		Sql.execute(connection, "create history tables", DDL);
		copyPrevious(connection, previous);
		LocalDate month = runDate.withDayOfMonth(1);
		String fingerprint = fingerprint(connection);
		if (fingerprint == null) {
			return HistoryOutcome.unchanged(month, "", "no register stock loaded");
		}
		List<List<String>> latest = Sql.queryRows(connection,
				"SELECT stock_month, fingerprint FROM core.establishment_stock ORDER BY stock_month DESC LIMIT 1");
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
				undo(connection, month);
			}
		}
		return apply(connection, month, runDate, fingerprint);
	}

	private static void copyPrevious(Connection connection, Path previous) {
		if (!Files.isRegularFile(previous)) {
			return;
		}
		Sql.execute(connection, "attach the last good warehouse",
				"ATTACH " + Sql.literal(previous.toString()) + " AS previous (READ_ONLY)");
		try {
			long tables = Sql.queryLong(connection,
					"SELECT count(*) FROM duckdb_tables() WHERE database_name = 'previous' AND schema_name = 'core' "
							+ "AND table_name IN ('establishment_history', 'establishment_stock')");
			if (tables == 2) {
				Sql.execute(connection, "copy the history of the last good warehouse", """
						INSERT INTO core.establishment_history BY NAME
						SELECT siret, etat_administratif, commune_code, valid_from, valid_to
						FROM previous.core.establishment_history;
						INSERT INTO core.establishment_stock BY NAME
						SELECT stock_month, run_date, fingerprint, establishments
						FROM previous.core.establishment_stock;
						""");
			}
		}
		finally {
			Sql.execute(connection, "detach the last good warehouse", "DETACH previous");
		}
	}

	/** SHA-256 of the sorted SHA-256 of the stock's files, null without files. */
	private static @Nullable String fingerprint(Connection connection) {
		List<List<String>> rows = Sql.queryRows(connection,
				"SELECT sha256(string_agg(sha256, ';' ORDER BY sha256)) FROM meta.input_file WHERE source = ?", SOURCE);
		return rows.isEmpty() ? null : rows.get(0).get(0);
	}

	/** Takes back a stock of the same month, replaced by a different one. */
	private static void undo(Connection connection, LocalDate month) {
		String literal = "DATE " + Sql.literal(month.toString());
		Sql.execute(connection, "take back the stock of " + month,
				"DELETE FROM core.establishment_history WHERE valid_from = " + literal + ";\n"
						+ "UPDATE core.establishment_history SET valid_to = NULL WHERE valid_to = " + literal + ";\n"
						+ "DELETE FROM core.establishment_stock WHERE stock_month = " + literal);
		logger.info("Stock of {} replaced by a different one: its changes to the history were taken back", month);
	}

	private static HistoryOutcome apply(Connection connection, LocalDate month, LocalDate runDate, String fingerprint) {
		String literal = "DATE " + Sql.literal(month.toString());
		Sql.execute(connection, "read the stock", CURRENT_STOCK);
		long before = Sql.queryLong(connection,
				"SELECT count(*) FROM core.establishment_history WHERE valid_to IS NOT NULL");
		Sql.execute(connection, "close changed periods",
				"UPDATE core.establishment_history h SET valid_to = " + literal
						+ "\nWHERE valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM history_stock s "
						+ "WHERE s.siret = h.siret AND s.etat_administratif IS NOT DISTINCT FROM h.etat_administratif "
						+ "AND s.commune_code IS NOT DISTINCT FROM h.commune_code)");
		long closed = Sql.queryLong(connection,
				"SELECT count(*) FROM core.establishment_history WHERE valid_to IS NOT NULL") - before;
		long opened = Sql.queryLong(connection, "SELECT count(*) FROM history_stock s WHERE NOT EXISTS "
				+ "(SELECT 1 FROM core.establishment_history h WHERE h.siret = s.siret AND h.valid_to IS NULL)");
		Sql.execute(connection, "open new periods",
				"INSERT INTO core.establishment_history SELECT siret, etat_administratif, commune_code, " + literal
						+ ", NULL FROM history_stock s WHERE NOT EXISTS (SELECT 1 FROM core.establishment_history h "
						+ "WHERE h.siret = s.siret AND h.valid_to IS NULL)");
		Sql.update(connection,
				"INSERT INTO core.establishment_stock SELECT ?::DATE, ?::DATE, ?, count(*) FROM history_stock",
				month.toString(), runDate.toString(), fingerprint);
		Sql.execute(connection, "drop the stock", "DROP TABLE history_stock");
		return new HistoryOutcome(month, fingerprint, true, "stock taken into the history", closed, opened);
	}

}
