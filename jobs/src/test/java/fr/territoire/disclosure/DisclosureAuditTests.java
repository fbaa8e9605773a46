package fr.territoire.disclosure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The disclosure audit on hand-made tables: every expected failure is worked out by hand
 * below, from the grid of each test, never from the audit's own SQL.
 */
class DisclosureAuditTests {

	static final Path PROJECT = Path.of(System.getProperty("territoire.project-dir", ".."));

	private static final String[] SECTORS = { "s1", "s2", "s3" };

	private Connection connection;

	/** The test's own true table: (level, territory, sector level, code) → value. */
	private final Map<List<String>, Double> truth = new LinkedHashMap<>();

	private final Map<String, String[]> parents = new TreeMap<>();

	@BeforeEach
	void open() throws SQLException {
		this.connection = DriverManager.getConnection("jdbc:duckdb:");
		execute("CREATE SCHEMA mart", "CREATE SCHEMA core", "CREATE SCHEMA public",
				"CREATE TABLE mart.secrecy_table (table_id VARCHAR, class VARCHAR, sector_levels VARCHAR[], "
						+ "min_units INTEGER, dominance DOUBLE)",
				"CREATE TABLE mart.secrecy_contribution (table_id VARCHAR, period INTEGER, unit_id VARCHAR, "
						+ "commune_code VARCHAR, sector_codes VARCHAR[], value DOUBLE)",
				"CREATE TABLE core.territory_parent (level VARCHAR, territory_code VARCHAR, epci_code VARCHAR, "
						+ "departement_code VARCHAR, region_code VARCHAR)",
				"CREATE TABLE mart.indicator (indicator_id VARCHAR, numerator VARCHAR, dimension VARCHAR)",
				"CREATE TABLE public.indicator_value (indicator_id VARCHAR, level VARCHAR, territory_code VARCHAR, "
						+ "period INTEGER, dimension VARCHAR, dimension_code VARCHAR, numerator DOUBLE, "
						+ "denominator DOUBLE, value DOUBLE, status VARCHAR)",
				"INSERT INTO mart.indicator VALUES ('jobs', 'jobs', 'none'), ('jobs_by_sector', 'jobs', 'sector')");
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	// ------------------------------------------------------------------ test 1

	/**
	 * Three communes A, B, C of one EPCI and one département, three sectors; counts of
	 * units (one per member):
	 *
	 * <pre>
	 *        s1  s2  s3 | total
	 *   A     5   2   4 |  11
	 *   B     2   6   3 |  11
	 *   C     4   3   5 |  12
	 * </pre>
	 *
	 * A×s2 and B×s1 rest on 2 units (primary); A×s1, A×s3, B×s2, B×s3 are secondary: the
	 * 2 × 3 block of A and B has a two-dimensional null space (row and column sums zero).
	 */
	private void threeByThree(String secondaryPublished) throws SQLException {
		execute("INSERT INTO mart.secrecy_table VALUES ('jobs', 'frequency', ['sector'], 3, 0.85)");
		commune("A", "E1", "D1", "R1");
		commune("B", "E1", "D1", "R1");
		commune("C", "E1", "D1", "R1");
		departement("D1", "R1");
		grid(Map.of("A", new int[] { 5, 2, 4 }, "B", new int[] { 2, 6, 3 }, "C", new int[] { 4, 3, 5 }));
		Map<List<String>, String> secret = new LinkedHashMap<>();
		secret.put(cell("commune", "A", "sector", "s2"), "secret_primary");
		secret.put(cell("commune", "B", "sector", "s1"), "secret_primary");
		for (List<String> secondary : List.of(cell("commune", "A", "sector", "s1"),
				cell("commune", "A", "sector", "s3"), cell("commune", "B", "sector", "s2"),
				cell("commune", "B", "sector", "s3"))) {
			if (!secondary.get(3).equals(secondaryPublished) || !secondary.get(1).equals("A")) {
				secret.put(secondary, "secret_secondary");
			}
		}
		publish(secret);
	}

	@Test
	void aCorrectSuppressionPatternPasses() throws SQLException {
		threeByThree("none");
		DisclosureReport report = DisclosureAudit.run(this.connection, PROJECT, 0.10);
		assertThat(report.passed()).isTrue();
		// 7 territories (A, B, C, E1, D1, R1, FR) × 4 sector nodes, all non-empty
		assertThat(rows("SELECT table_id, period, cells, published, secret, unpublished_primary, determined, "
				+ "interval_checked, interval_failed, singleton_failed FROM mart.disclosure_audit"))
			.containsExactly(List.of("jobs", "2024", "28", "22", "6", "0", "0", "0", "0", "0"));
	}

	@Test
	void aPublishedSecondaryCellMakesTheAuditFailAndNameTheCellItReveals() throws SQLException {
		// A×s3 published: column s3 then gives B×s3 = 12 − 4 − 5 (C×s3 and the total are
		// published); A and B keep the rectangle A×s1, A×s2, B×s1, B×s2
		threeByThree("s3");
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOfSatisfying(TerritoireException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.SECRET_RECOVERABLE);
				assertThat(ex.getMessage())
					.contains(
							"table jobs, period 2024, level commune, territory B, sector level sector, sector code s3, "
									+ "status secret_secondary")
					.contains("1 failing cell in all");
			});
		assertThat(failingCells()).containsExactly("level commune, territory B, sector level sector, sector code s3");
	}

	// ------------------------------------------------------------------ test 2

	/**
	 * Linked hierarchies, no sector: département D1 = {a, b}, D2 = {c, d, e}; EPCI E1 =
	 * {b, c} spans both; a, d, e are in no EPCI; c has no contribution (a structural
	 * zero). Communes are not published; a rests on 2 units (primary). The département
	 * hierarchy alone leaves a + b; the EPCI gives b = E1, then D1 gives a.
	 */
	@Test
	void aCellRecoverableOnlyThroughTheOtherHierarchyIsNamed() throws SQLException {
		execute("INSERT INTO mart.secrecy_table VALUES ('jobs', 'frequency', [], 3, 0.85)");
		commune("a", null, "D1", "R1");
		commune("b", "E1", "D1", "R1");
		commune("c", "E1", "D2", "R1");
		commune("d", null, "D2", "R1");
		commune("e", null, "D2", "R1");
		departement("D1", "R1");
		departement("D2", "R1");
		units("a", null, 2);
		units("b", null, 5);
		units("d", null, 3);
		units("e", null, 4);
		Map<List<String>, String> statuses = new LinkedHashMap<>();
		for (String commune : List.of("a", "b", "d", "e")) {
			statuses.put(cell("commune", commune, "total", "_T"), "unpublished");
		}
		publish(statuses);
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOf(TerritoireException.class)
			.hasMessageContaining("level commune, territory a, sector level total, sector code _T, status unpublished");
		assertThat(failingCells()).containsExactly("level commune, territory a, sector level total, sector code _T");
	}

	/**
	 * No relation with a single unknown, yet a cell determined: département D1 = {a, b,
	 * c}, EPCI E1 = {a, b}, communes unpublished, c on 2 units. D1 has three unknowns and
	 * E1 two, but D1 − E1 = c.
	 */
	@Test
	void aCellDeterminedByACombinationOfRelationsIsNamed() throws SQLException {
		execute("INSERT INTO mart.secrecy_table VALUES ('jobs', 'frequency', [], 3, 0.85)");
		commune("a", "E1", "D1", "R1");
		commune("b", "E1", "D1", "R1");
		commune("c", null, "D1", "R1");
		departement("D1", "R1");
		units("a", null, 4);
		units("b", null, 5);
		units("c", null, 2);
		Map<List<String>, String> statuses = new LinkedHashMap<>();
		for (String commune : List.of("a", "b", "c")) {
			statuses.put(cell("commune", commune, "total", "_T"), "unpublished");
		}
		publish(statuses);
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOf(TerritoireException.class)
			.hasMessageContaining("level commune, territory c, sector level total, sector code _T, status unpublished: "
					+ "recomputable from the published values: a combination of the relations");
		assertThat(failingCells()).containsExactly("level commune, territory c, sector level total, sector code _T");
	}

	// ------------------------------------------------------------------ test 3

	/**
	 * The rectangle A×s1, A×s2, B×s1, B×s2 of the grid below is secret; A×s2 rests on a
	 * single unit: its owner knows it, so row A gives A×s1 and column s2 gives B×s2.
	 *
	 * <pre>
	 *        s1  s2  s3
	 *   A     5   1   4
	 *   B     2   6   3
	 *   C     4   3   5
	 * </pre>
	 */
	@Test
	void twoSecretSiblingsOneOfWhichIsASingleUnitFail() throws SQLException {
		execute("INSERT INTO mart.secrecy_table VALUES ('jobs', 'frequency', ['sector'], 3, 0.85)");
		commune("A", "E1", "D1", "R1");
		commune("B", "E1", "D1", "R1");
		commune("C", "E1", "D1", "R1");
		departement("D1", "R1");
		grid(Map.of("A", new int[] { 5, 1, 4 }, "B", new int[] { 2, 6, 3 }, "C", new int[] { 4, 3, 5 }));
		publish(Map.of(cell("commune", "A", "sector", "s2"), "secret_primary", cell("commune", "B", "sector", "s1"),
				"secret_primary", cell("commune", "A", "sector", "s1"), "secret_secondary",
				cell("commune", "B", "sector", "s2"), "secret_secondary"));
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOf(TerritoireException.class)
			.hasMessageContaining("recoverable by the single unit of the sibling cell level commune, territory A, "
					+ "sector level sector, sector code s2");
		assertThat(failingCells()).containsExactlyInAnyOrder(
				"level commune, territory A, sector level sector, sector code s1",
				"level commune, territory B, sector level sector, sector code s2");
		assertThat(rows("SELECT singleton_failed, determined FROM mart.disclosure_audit"))
			.containsExactly(List.of("2", "0"));
	}

	// ------------------------------------------------------------------ test 4

	/**
	 * Business table, no sector, département D1 = {a, b, c}: a = 95 + 5 (one unit holds
	 * 95 %: primary), b secret (secondary), c = 6 units of 10 published. Then a + b = D1
	 * − c and a ranges over [0, a + b]: with b = 2 (1 + 0.5 + 0.5), a cannot reach 110.
	 */
	private void interval(double[] sibling) throws SQLException {
		execute("INSERT INTO mart.secrecy_table VALUES ('turnover', 'business', [], 3, 0.85)",
				"INSERT INTO mart.indicator VALUES ('turnover', 'turnover', 'none')");
		commune("a", null, "D1", "R1");
		commune("b", null, "D1", "R1");
		commune("c", null, "D1", "R1");
		departement("D1", "R1");
		contributions("turnover", "a", null, 95, 5);
		contributions("turnover", "b", null, sibling);
		contributions("turnover", "c", null, 10, 10, 10, 10, 10, 10);
		publish("turnover", Map.of(cell("commune", "a", "total", "_T"), "secret_primary",
				cell("commune", "b", "total", "_T"), "secret_secondary"));
	}

	@Test
	void aPrimaryCellProtectedOnlyByASmallSiblingFailsItsInterval() throws SQLException {
		interval(new double[] { 1, 0.5, 0.5 });
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOf(TerritoireException.class)
			.hasMessageContaining("table turnover, period 2024, level commune, territory a, sector level total, "
					+ "sector code _T, status secret_primary: its feasible range")
			.hasMessageNotContaining("95")
			.hasMessageNotContaining("100");
		assertThat(failingCells()).containsExactly("level commune, territory a, sector level total, sector code _T");
		assertThat(rows("SELECT interval_checked, interval_failed FROM mart.disclosure_audit"))
			.containsExactly(List.of("1", "1"));
	}

	@Test
	void aPrimaryCellProtectedByALargeSiblingKeepsItsInterval() throws SQLException {
		interval(new double[] { 10, 10, 10, 10, 10 });
		assertThat(DisclosureAudit.run(this.connection, PROJECT, 0.10).passed()).isTrue();
		assertThat(rows("SELECT interval_checked, interval_failed FROM mart.disclosure_audit"))
			.containsExactly(List.of("1", "0"));
	}

	// ------------------------------------------------------------------ test 5

	@Test
	void aPublishedValueThatDiffersFromTheContributionsFails() throws SQLException {
		threeByThree("none");
		execute("UPDATE public.indicator_value SET numerator = 6 WHERE territory_code = 'C' AND dimension_code = 's3'");
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOf(TerritoireException.class)
			.hasMessageContaining("level commune, territory C, sector level sector, sector code s3, status ok: "
					+ "indicator jobs_by_sector publishes a numerator that differs from the contributions");
	}

	@Test
	void aSecretRowWithAValueFails() throws SQLException {
		threeByThree("none");
		execute("UPDATE public.indicator_value SET value = 2 WHERE territory_code = 'A' AND dimension_code = 's2'");
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOf(TerritoireException.class)
			.hasMessageContaining("level commune, territory A, sector level sector, sector code s2, "
					+ "status secret_primary: the secret row of indicator jobs_by_sector carries a numerator");
	}

	@Test
	void aPublishedPrimaryCellFails() throws SQLException {
		threeByThree("none");
		execute("UPDATE public.indicator_value SET numerator = 2, value = 2, status = 'ok' "
				+ "WHERE territory_code = 'B' AND dimension_code = 's1'");
		assertThatThrownBy(() -> DisclosureAudit.run(this.connection, PROJECT, 0.10))
			.isInstanceOf(TerritoireException.class)
			.hasMessageContaining("level commune, territory B, sector level sector, sector code s1, status ok: "
					+ "published although the primary rule makes it secret");
	}

	@Test
	void noProtectedTablePassesAndRecordsNothing() throws SQLException {
		DisclosureReport report = DisclosureAudit.run(this.connection, PROJECT, 0.10);
		assertThat(report.tables()).isEmpty();
		assertThat(rows("SELECT count(*) FROM mart.disclosure_audit")).containsExactly(List.of("0"));
	}

	// ------------------------------------------------------------------ helpers

	private static List<String> cell(String level, String territory, String sectorLevel, String code) {
		return List.of(level, territory, sectorLevel, code);
	}

	private void commune(String code, String epci, String departement, String region) throws SQLException {
		this.parents.put(code, new String[] { epci, departement, region });
		try (PreparedStatement insert = this.connection
			.prepareStatement("INSERT INTO core.territory_parent VALUES ('commune', ?, ?, ?, ?)")) {
			insert.setString(1, code);
			insert.setString(2, epci);
			insert.setString(3, departement);
			insert.setString(4, region);
			insert.executeUpdate();
		}
	}

	private void departement(String code, String region) throws SQLException {
		execute("INSERT INTO core.territory_parent VALUES ('departement', '" + code + "', NULL, NULL, '" + region
				+ "')");
	}

	/** Counts by commune and sector: n units of 1 each. */
	private void grid(Map<String, int[]> counts) throws SQLException {
		for (var entry : new TreeMap<>(counts).entrySet()) {
			for (int s = 0; s < SECTORS.length; s++) {
				units(entry.getKey(), SECTORS[s], entry.getValue()[s]);
			}
		}
	}

	private void units(String commune, String sector, int count) throws SQLException {
		double[] ones = new double[count];
		java.util.Arrays.fill(ones, 1);
		contributions("jobs", commune, sector, ones);
	}

	private int unit;

	private void contributions(String table, String commune, String sector, double... values) throws SQLException {
		try (PreparedStatement insert = this.connection
			.prepareStatement("INSERT INTO mart.secrecy_contribution VALUES (?, 2024, ?, ?, "
					+ ((sector == null) ? "[]" : "[?]") + ", ?)")) {
			for (double value : values) {
				int i = 1;
				insert.setString(i++, table);
				insert.setString(i++, "u" + (++this.unit));
				insert.setString(i++, commune);
				if (sector != null) {
					insert.setString(i++, sector);
				}
				insert.setDouble(i, value);
				insert.executeUpdate();
				add(commune, sector, value);
			}
		}
	}

	/** The test's own aggregation: a contribution counts in each of its cells. */
	private void add(String commune, String sector, double value) {
		String[] parentsOfCommune = this.parents.get(commune);
		List<List<String>> territories = new ArrayList<>();
		territories.add(List.of("commune", commune));
		if (parentsOfCommune[0] != null) {
			territories.add(List.of("epci", parentsOfCommune[0]));
		}
		territories.add(List.of("departement", parentsOfCommune[1]));
		territories.add(List.of("region", parentsOfCommune[2]));
		territories.add(List.of("france", "FR"));
		for (List<String> territory : territories) {
			this.truth.merge(cell(territory.get(0), territory.get(1), "total", "_T"), value, Double::sum);
			if (sector != null) {
				this.truth.merge(cell(territory.get(0), territory.get(1), "sector", sector), value, Double::sum);
			}
		}
	}

	private void publish(Map<List<String>, String> statuses) throws SQLException {
		publish("jobs", statuses);
	}

	/**
	 * Publishes every non-empty cell of the test's own table: its status from
	 * {@code statuses} (default ok), a secret row with nulls, an unpublished cell no row.
	 */
	private void publish(String table, Map<List<String>, String> statuses) throws SQLException {
		try (PreparedStatement insert = this.connection
			.prepareStatement("INSERT INTO public.indicator_value VALUES (?, ?, ?, 2024, ?, ?, ?, NULL, ?, ?)")) {
			for (var entry : this.truth.entrySet()) {
				List<String> cell = entry.getKey();
				String status = statuses.getOrDefault(cell, "ok");
				if (status.equals("unpublished")) {
					continue;
				}
				boolean total = cell.get(2).equals("total");
				insert.setString(1, total ? table : table + "_by_sector");
				insert.setString(2, cell.get(0));
				insert.setString(3, cell.get(1));
				insert.setString(4, total ? "none" : "sector");
				insert.setString(5, cell.get(3));
				if (status.equals("ok")) {
					insert.setDouble(6, entry.getValue());
					insert.setDouble(7, entry.getValue());
				}
				else {
					insert.setNull(6, java.sql.Types.DOUBLE);
					insert.setNull(7, java.sql.Types.DOUBLE);
				}
				insert.setString(8, status);
				insert.executeUpdate();
			}
		}
	}

	/** Where the failures of a run are, in the order found. */
	private List<String> failingCells() {
		return DisclosureAudit.audit(this.connection, DisclosureQueries.load(PROJECT), 0.10)
			.failures()
			.stream()
			.map(Failure::where)
			.toList();
	}

	private void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private List<List<String>> rows(String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); var result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows.stream().map((row) -> row.stream().collect(Collectors.toList())).toList();
	}

}
