package fr.territoire.disclosure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the suite (its name does not end in {@code Tests}): the audit's time on a
 * synthetic table of the benchmark's size, France-wide commune × NAF division of a
 * business sum, both hierarchies linked. Run by hand:
 * {@code java -Xmx2g -Ddisclosure.establishments=6000000 -cp <test class path>
 * fr.territoire.disclosure.DisclosureAuditBenchmark} (from {@code jobs/}). The
 * suppression pattern is a stand-in (primary rule, then the smallest other cell of every
 * relation with a single secret cell, repeated until stable), built here because the
 * secrecy package is written in parallel: its failures are counted, its time is not the
 * audit's.
 */
class DisclosureAuditBenchmark {

	/** Runs the benchmark outside surefire, whose forks are capped at 256 MB of heap. */
	public static void main(String[] arguments) throws SQLException {
		new DisclosureAuditBenchmark().auditOfABenchmarkSizedTable();
	}

	@Test
	void auditOfABenchmarkSizedTable() throws SQLException {
		long establishments = Long.getLong("disclosure.establishments", 6_000_000L);
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			long started = System.nanoTime();
			generate(connection, establishments);
			System.out.printf("generated %d contributions in %.1f s%n", establishments,
					(System.nanoTime() - started) / 1e9);
			if (Boolean.getBoolean("disclosure.readOnly")) {
				var queries = DisclosureQueries.load(DisclosureAuditTests.PROJECT);
				Territories territories = Territories.read(connection, queries.get("territory_parents"));
				started = System.nanoTime();
				Cells cells = Cells.read(connection, queries.get("true_cells"), new ProtectedTable("employees", true,
						java.util.List.of("naf_section", "naf_division"), 3, 0.85), 2024, territories);
				System.out.printf("true table: %d cells in %.1f s%n", cells.size, (System.nanoTime() - started) / 1e9);
				return;
			}
			started = System.nanoTime();
			suppress(connection);
			System.out.printf("stand-in suppression and publication in %.1f s%n", (System.nanoTime() - started) / 1e9);
			System.gc();
			started = System.nanoTime();
			DisclosureReport report = DisclosureAudit.audit(connection,
					DisclosureQueries.load(DisclosureAuditTests.PROJECT), 0.10);
			double seconds = (System.nanoTime() - started) / 1e9;
			Runtime runtime = Runtime.getRuntime();
			for (TableResult result : report.tables()) {
				System.out.printf(
						"audit: %d cells, %d published, %d secret, %d unpublished primary, %d determined, "
								+ "%d intervals checked, %d failed, %d singletons failed, %d failures, %.1f s%n",
						result.cells(), result.published(), result.secret(), result.unpublishedPrimary(),
						result.determined(), result.intervalChecked(), result.intervalFailed(),
						result.singletonFailed(), result.failures().size(), result.seconds());
			}
			report.failures().stream().limit(5).forEach((failure) -> System.out.println("  " + failure));
			var histogram = new java.util.TreeMap<String, Long>();
			for (Failure failure : report.failures()) {
				String where = failure.where().replaceAll("territory [^,]+, ", "").replaceAll(", sector code .*", "");
				String reason = failure.reason().replaceAll("[:(].*", "").replaceAll("sibling cell.*", "sibling");
				histogram.merge(where + " | " + failure.status() + " | " + reason, 1L, Long::sum);
			}
			histogram.forEach((key, count) -> System.out.println("  " + count + "  " + key));
			System.out.printf("audit total %.1f s, heap used %d MB of max %d MB%n", seconds,
					(runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
		}
	}

	private static void generate(Connection connection, long establishments) throws SQLException {
		execute(connection, "SET threads = 2", "CREATE SCHEMA mart", "CREATE SCHEMA core", "CREATE SCHEMA public",
				"SELECT setseed(0.13)",
				"CREATE TABLE mart.secrecy_table AS SELECT 'employees' AS table_id, 'business' AS class, "
						+ "['naf_section', 'naf_division'] AS sector_levels, 3 AS min_units, 0.85 AS dominance",
				// 35,000 communes, 100 départements of 350, 17 régions, EPCIs of 28
				// communes (one in two spans
				// two départements), one commune in 357 outside any EPCI
				"CREATE TABLE core.territory_parent AS " + "SELECT 'commune' AS level, 'C' || i AS territory_code, "
						+ "CASE WHEN i % 357 = 0 THEN NULL ELSE 'E' || (i // 28) END AS epci_code, "
						+ "'D' || (i // 350) AS departement_code, 'R' || (i // 350 // 6) AS region_code "
						+ "FROM range(35000) t(i) UNION ALL SELECT 'departement', 'D' || d, NULL, NULL, 'R' || (d // 6) "
						+ "FROM range(100) t(d)",
				"CREATE TABLE mart.indicator AS SELECT * FROM (VALUES ('emp', 'employees', 'none'), "
						+ "('emp_section', 'employees', 'naf_section'), ('emp_division', 'employees', 'naf_division')) "
						+ "t(indicator_id, numerator, dimension)",
				// communes of very unequal sizes, divisions of unequal frequencies,
				// headcounts of 1 to ~150
				"CREATE TABLE mart.secrecy_contribution AS "
						+ "WITH e AS (SELECT i, least(34999, floor(35000 * pow(random(), 1.6)))::INTEGER AS commune, "
						+ "least(87, floor(88 * pow(random(), 2)))::INTEGER AS division, "
						+ "floor(exp(random() * 5))::DOUBLE AS headcount FROM range(" + establishments + ") t(i)) "
						+ "SELECT 'employees' AS table_id, 2024 AS period, 'S' || (i // 2) AS unit_id, "
						+ "'C' || commune AS commune_code, "
						+ "['N' || (division * 21 // 88), 'V' || division] AS sector_codes, headcount AS value FROM e");
	}

	/**
	 * The stand-in pattern: primary cells, then for every relation with exactly one
	 * secret cell the smallest other, until stable; then every cell published at every
	 * level, section and division.
	 */
	private static void suppress(Connection connection) throws SQLException {
		var queries = DisclosureQueries.load(DisclosureAuditTests.PROJECT);
		Territories territories = Territories.read(connection, queries.get("territory_parents"));
		ProtectedTable table = new ProtectedTable("employees", true, java.util.List.of("naf_section", "naf_division"),
				3, 0.85);
		Cells cells = Cells.read(connection, queries.get("true_cells"), table, 2024, territories);
		boolean[] all = new boolean[cells.size];
		Arrays.fill(all, true);
		Relations relations = new Relations(cells, all);
		relations.build();
		boolean[] secret = new boolean[cells.size];
		boolean[] primary = new boolean[cells.size];
		int primaries = 0;
		for (int cell = 0; cell < cells.size; cell++) {
			primary[cell] = cells.primary(cell);
			// -Ddisclosure.pattern=communes: every commune cell secret, a heavy pattern
			// that protects
			secret[cell] = primary[cell] || ("communes".equals(System.getProperty("disclosure.pattern"))
					&& territories.level(cells.territory[cell]) == Territories.COMMUNE);
			primaries += primary[cell] ? 1 : 0;
		}
		int secondaries = 0;
		boolean changed = true;
		int rounds = 0;
		while (changed) {
			changed = false;
			rounds++;
			for (int relation = 0; relation < relations.size; relation++) {
				int[] members = relations.members[relation];
				int secrets = 0;
				for (int member : members) {
					secrets += secret[member] ? 1 : 0;
				}
				if (secrets == 1) {
					int smallest = -1;
					for (int member : members) {
						if (!secret[member] && (smallest < 0 || cells.value[member] < cells.value[smallest])) {
							smallest = member;
						}
					}
					if (smallest >= 0) {
						secret[smallest] = true;
						secondaries++;
						changed = true;
					}
				}
			}
		}
		System.out.printf("%d cells, %d primary, %d secondary after %d rounds%n", cells.size, primaries, secondaries,
				rounds);
		execute(connection, "CREATE TABLE public.indicator_value (indicator_id VARCHAR, level VARCHAR, "
				+ "territory_code VARCHAR, period INTEGER, dimension VARCHAR, dimension_code VARCHAR, numerator DOUBLE, "
				+ "denominator DOUBLE, value DOUBLE, status VARCHAR)");
		String[] indicators = { "emp", "emp_section", "emp_division" };
		String[] dimensions = { "none", "naf_section", "naf_division" };
		try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("public", "indicator_value")) {
			for (int cell = 0; cell < cells.size; cell++) {
				int depth = cells.depth(cell);
				appender.beginRow()
					.append(indicators[depth])
					.append(Territories.LEVELS[territories.level(cells.territory[cell])])
					.append(territories.code(cells.territory[cell]))
					.append(2024)
					.append(dimensions[depth])
					.append(cells.sectorCodes.get(cells.sector[cell]));
				if (secret[cell]) {
					appender.appendNull()
						.appendNull()
						.appendNull()
						.append(primary[cell] ? "secret_primary" : "secret_secondary");
				}
				else {
					appender.append(cells.value[cell]).appendNull().append(cells.value[cell]).append("ok");
				}
				appender.endRow();
			}
		}
	}

	private static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
