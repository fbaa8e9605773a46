package fr.territoire.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import fr.territoire.support.SampleExpectations;
import fr.territoire.warehouse.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EstablishmentHistory} on small stocks in an in-memory DuckDB: periods opened and
 * closed, the same stock again, a stock replaced within its month, an older stock; each
 * run reads the history of the last {@code current.duckdb} and never writes it.
 */
class EstablishmentHistoryTests {

	@TempDir
	Path folder;

	private Connection connection;

	private final EstablishmentHistory history = EstablishmentHistory.load(SampleExpectations.PROJECT);

	@BeforeEach
	void open() throws SQLException {
		this.connection = DriverManager.getConnection("jdbc:duckdb:");
		Sql.execute(this.connection, "schemas", """
				CREATE SCHEMA geography; CREATE SCHEMA meta; CREATE SCHEMA core;
				CREATE TABLE meta.input_file (source VARCHAR, file VARCHAR, sha256 VARCHAR);
				CREATE TABLE geography.sirene_etablissement (siret VARCHAR, etat_administratif VARCHAR,
				    commune_code VARCHAR);
				""");
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void firstStockOpensEveryPeriod() {
		HistoryOutcome outcome = load("a", "1 A 67124", "2 A 67551", "3 F 67124");
		assertThat(outcome.applied()).isTrue();
		assertThat(outcome.periodsOpened()).isEqualTo(3);
		assertThat(outcome.periodsClosed()).isZero();
		assertThat(periods()).containsExactly("1 A 67124 2026-09-01 null", "2 A 67551 2026-09-01 null",
				"3 F 67124 2026-09-01 null");
	}

	@Test
	void nextStockClosesChangedAndVanishedPeriods() {
		load("a", "1 A 67124", "2 A 67551", "3 F 67124");
		HistoryOutcome outcome = update("b", LocalDate.parse("2026-10-03"), "1 F 67124", "3 F 67124", "4 A 67108");
		assertThat(outcome.periodsClosed()).isEqualTo(2);
		assertThat(outcome.periodsOpened()).isEqualTo(2);
		assertThat(periods()).containsExactly("1 A 67124 2026-09-01 2026-10-01", "1 F 67124 2026-10-01 null",
				"2 A 67551 2026-09-01 2026-10-01", "3 F 67124 2026-09-01 null", "4 A 67108 2026-10-01 null");
	}

	@Test
	void sameStockAgainChangesNothing() {
		load("a", "1 A 67124");
		HistoryOutcome outcome = update("a", LocalDate.parse("2026-11-20"), "1 A 67124");
		assertThat(outcome.applied()).isFalse();
		assertThat(outcome.reason()).isEqualTo("same stock as 2026-09-01");
		assertThat(stocks()).isEqualTo(1);
	}

	@Test
	void differentStockOfTheSameMonthReplacesIt() {
		load("a", "1 A 67124", "2 A 67551");
		update("b", LocalDate.parse("2026-10-03"), "1 F 67124", "2 A 67551");
		update("c", LocalDate.parse("2026-10-20"), "1 A 67212", "2 A 67551");
		assertThat(periods()).containsExactly("1 A 67124 2026-09-01 2026-10-01", "1 A 67212 2026-10-01 null",
				"2 A 67551 2026-09-01 null");
		assertThat(stocks()).isEqualTo(2);
	}

	@Test
	void olderStockIsIgnored() {
		load("a", "1 A 67124");
		HistoryOutcome outcome = update("b", LocalDate.parse("2026-08-10"), "1 F 67124");
		assertThat(outcome.applied()).isFalse();
		assertThat(periods()).containsExactly("1 A 67124 2026-09-01 null");
	}

	@Test
	void neverWritesThePreviousWarehouse() throws Exception {
		load("a", "1 A 67124", "2 A 67551");
		Path current = this.folder.resolve("current.duckdb");
		byte[] before = Files.readAllBytes(current);
		stock("b", "2 F 67551");
		HistoryOutcome outcome = this.history.update(this.connection, current, LocalDate.parse("2026-10-03"));
		assertThat(outcome.applied()).isTrue();
		assertThat(periods()).containsExactly("1 A 67124 2026-09-01 2026-10-01", "2 A 67551 2026-09-01 2026-10-01",
				"2 F 67551 2026-10-01 null");
		assertThat(Files.readAllBytes(current)).isEqualTo(before);
	}

	private HistoryOutcome load(String sha256, String... rows) {
		return update(sha256, LocalDate.parse("2026-09-14"), rows);
	}

	/**
	 * One run: the stock loaded, the history updated from {@code current.duckdb}, which
	 * is then replaced by the new history, as promotion does.
	 */
	private HistoryOutcome update(String sha256, LocalDate runDate, String... rows) {
		stock(sha256, rows);
		Path current = this.folder.resolve("current.duckdb");
		HistoryOutcome outcome = this.history.update(this.connection, current, runDate);
		Path next = this.folder.resolve("next.duckdb");
		Sql.execute(this.connection, "promote",
				"ATTACH " + Sql.literal(next.toString()) + " AS saved;\n" + "CREATE SCHEMA saved.core;\n"
						+ "CREATE TABLE saved.core.establishment_history AS SELECT * FROM core.establishment_history;\n"
						+ "CREATE TABLE saved.core.establishment_stock AS SELECT * FROM core.establishment_stock;\n"
						+ "DETACH saved");
		try {
			Files.move(next, current, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return outcome;
	}

	/** Replaces the loaded stock: rows "siret etat commune", files by their SHA-256. */
	private void stock(String sha256, String... rows) {
		Sql.execute(this.connection, "clear",
				"DELETE FROM meta.input_file; DELETE FROM geography.sirene_etablissement");
		Sql.update(this.connection, "INSERT INTO meta.input_file VALUES ('sirene_etablissement', 'stock.csv', ?)",
				sha256);
		for (String row : rows) {
			String[] values = row.split(" ");
			Sql.update(this.connection, "INSERT INTO geography.sirene_etablissement VALUES (?, ?, ?)", values[0],
					values[1], values[2]);
		}
	}

	private List<String> periods() {
		return Sql
			.queryRows(this.connection,
					"SELECT siret, etat_administratif, commune_code, valid_from, valid_to "
							+ "FROM core.establishment_history ORDER BY siret, valid_from")
			.stream()
			.map((row) -> String.join(" ", row.stream().map(String::valueOf).toList()))
			.toList();
	}

	private long stocks() {
		return Sql.queryLong(this.connection, "SELECT count(*) FROM core.establishment_stock");
	}

}
