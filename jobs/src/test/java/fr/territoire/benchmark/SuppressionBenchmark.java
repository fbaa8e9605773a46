package fr.territoire.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import fr.territoire.secrecy.SecondarySuppression;
import fr.territoire.secrecy.SuppressionMethod;
import fr.territoire.secrecy.SuppressionResult;

/**
 * Secondary suppression of a France-wide commune × NAF division table of a business sum,
 * both methods side by side on the same synthetic table. Kept with the tests (it imports
 * the secrecy package, which the benchmark package may not).
 *
 * <p>
 * The table is built in a DuckDB file from random data with a fixed seed: 35,000 communes
 * (sizes skewed like France's), 101 départements in 18 régions, about 1,250 EPCIs of 28
 * neighbouring communes (some spanning two départements, about 98 communes in none), 21
 * sections and 88 divisions, firms of one to three establishments with a skewed
 * headcount. Every cell is published; primary cells rest on fewer than 3 units or on one
 * above 85 %.
 *
 * <p>
 * Usage: {@code SuppressionBenchmark <work folder> [establishments] [communes] [reuse]}
 * (reuse: keep the table built by an earlier run); run with {@code -Xmx2g}.
 */
public final class SuppressionBenchmark {

	private SuppressionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[0]);
		long establishments = (args.length > 1) ? Long.parseLong(args[1]) : 10_000_000L;
		int communes = (args.length > 2) ? Integer.parseInt(args[2]) : 35_000;
		Files.createDirectories(work);
		Path file = work.resolve("suppression-benchmark.duckdb");
		boolean reuse = args.length > 3 && args[3].equals("reuse") && Files.exists(file);
		if (!reuse) {
			Files.deleteIfExists(file);
			Files.deleteIfExists(work.resolve("suppression-benchmark.duckdb.wal"));
		}
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
			long start = System.nanoTime();
			if (!reuse) {
				build(connection, establishments, communes);
			}
			System.out.printf(Locale.ROOT, "Machine: %d cores, max heap %d MB; table built in %.1f s%n",
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
					(System.nanoTime() - start) / 1e9);
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT count(*) FILTER (level = 'commune' AND "
							+ "sector_level = 'naf_division'), count(*), count(*) FILTER (status = 'secret_primary') "
							+ "FROM mart.secrecy_cell")) {
				rows.next();
				System.out.printf(Locale.ROOT, "Inner cells (commune × division): %,d; all cells: %,d; primary: %,d%n",
						rows.getLong(1), rows.getLong(2), rows.getLong(3));
			}
			SuppressionMethod[] methods = (args.length > 4)
					? new SuppressionMethod[] { SuppressionMethod.valueOf(args[4]) }
					: new SuppressionMethod[] { SuppressionMethod.SMALLEST_CELL, SuppressionMethod.GAUSSIAN };
			for (SuppressionMethod method : methods) {
				System.gc();
				SuppressionResult result = SecondarySuppression.protect(connection, "employees", 2024, method, 0.10);
				Runtime runtime = Runtime.getRuntime();
				System.out.printf(Locale.ROOT,
						"%-13s cells %,d  published %,d  primary %,d  secondary %,d  loss %.2f %% of %,.0f  time %.1f s"
								+ "  heap now %d MB%n",
						method, result.cells(), result.publishedCells(), result.primary(), result.secondary(),
						100 * result.loss(), result.publishedValue(), result.elapsed().toMillis() / 1e3,
						(runtime.totalMemory() - runtime.freeMemory()) >> 20);
				long check = System.nanoTime();
				long recoverable = SecondarySuppression.recoverablePrimaryCells(connection, "employees", 2024);
				System.out.printf(Locale.ROOT,
						"%-13s primary cells recoverable from the published ones: %,d (checked in %.1f s)%n", method,
						recoverable, (System.nanoTime() - check) / 1e9);
			}
		}
	}

	static void build(Connection connection, long establishments, int communes) throws SQLException {
		int epciSize = 28;
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE MACRO uniform(i, salt) AS (hash(i, salt) % 1000000007) / 1000000007.0");
			statement.execute("CREATE SCHEMA mart");
			statement.execute("CREATE SCHEMA core");
			statement.execute("CREATE TABLE mart.secrecy_table AS SELECT 'employees' AS table_id, 'business' AS class, "
					+ "['naf_section', 'naf_division']::VARCHAR[] AS sector_levels, 3 AS min_units, 0.85 AS dominance");
			// communes: size rank r, placed at a position by a fixed permutation;
			// départements and
			// EPCIs are blocks of positions, so EPCIs are neighbours and a few straddle
			// two départements
			statement.execute(String.format(Locale.ROOT, """
					CREATE TABLE core.territory_parent AS
					WITH c AS (SELECT r, (r * 7919) %% %1$d AS position FROM range(%1$d) t(r))
					SELECT 'commune' AS level, 'C' || lpad(position::VARCHAR, 5, '0') AS territory_code,
					       CASE WHEN position %% 357 = 0 THEN NULL
					            ELSE 'E' || lpad((position // %2$d)::VARCHAR, 4, '0') END AS epci_code,
					       'D' || lpad((position * 101 // %1$d)::VARCHAR, 3, '0') AS departement_code,
					       'R' || lpad(((position * 101 // %1$d) * 18 // 101)::VARCHAR, 2, '0') AS region_code
					FROM c
					UNION ALL
					SELECT DISTINCT 'departement', 'D' || lpad(d::VARCHAR, 3, '0'), NULL, NULL,
					       'R' || lpad((d * 18 // 101)::VARCHAR, 2, '0')
					FROM range(101) t(d)
					""", communes, epciSize));
			statement.execute("""
					CREATE TABLE division AS
					SELECT d AS division, CASE WHEN d < 21 THEN d ELSE (d * 37) % 21 END AS section
					FROM range(88) t(d)
					""");
			// firms: a commune (skewed), a division (skewed), one to three
			// establishments, a headcount
			statement.execute(String.format(Locale.ROOT,
					"""
							CREATE TABLE mart.secrecy_contribution AS
							WITH firm AS (
							  SELECT f, floor(%2$d * pow(uniform(f, 1), 2.5))::INTEGER AS r,
							         floor(88 * pow(uniform(f, 2), 1.7))::INTEGER AS division,
							         1 + floor(3 * pow(uniform(f, 3), 4))::INTEGER AS establishments
							  FROM range(%1$d * 10 // 12) t(f)),
							establishment AS (
							  SELECT f, r, division, floor(exp(2.2 * uniform(f * 4 + i, 4) * uniform(f * 4 + i, 5) * 3))::DOUBLE AS headcount
							  FROM firm, range(establishments) e(i))
							SELECT 'employees' AS table_id, 2024 AS period, 'S' || f AS unit_id,
							       'C' || lpad(((r * 7919) %% %2$d)::VARCHAR, 5, '0') AS commune_code,
							       ['A' || lpad(section::VARCHAR, 2, '0'), 'N' || lpad(division::VARCHAR, 2, '0')] AS sector_codes,
							       sum(headcount) AS value
							FROM establishment JOIN division USING (division)
							GROUP BY ALL
							""",
					establishments, communes));
			statement.execute(
					"""
							CREATE TABLE mart.secrecy_cell AS
							WITH unit AS (
							  SELECT unit_id, commune_code, sector_codes[1] AS section, sector_codes[2] AS division, value,
							         p.epci_code, p.departement_code, p.region_code
							  FROM mart.secrecy_contribution c
							  JOIN core.territory_parent p ON p.level = 'commune' AND p.territory_code = c.commune_code),
							expanded AS (
							  SELECT t.level, t.code AS territory_code, s.sector_level, s.code AS sector_code, value
							  FROM unit,
							       unnest([{'level': 'commune', 'code': commune_code}, {'level': 'epci', 'code': epci_code},
							               {'level': 'departement', 'code': departement_code},
							               {'level': 'region', 'code': region_code}, {'level': 'france', 'code': 'FR'}]) u(t),
							       unnest([{'sector_level': 'total', 'code': '_T'},
							               {'sector_level': 'naf_section', 'code': section},
							               {'sector_level': 'naf_division', 'code': division}]) v(s)
							  WHERE t.code IS NOT NULL)
							SELECT 'employees' AS table_id, 2024 AS period, level, territory_code, sector_level, sector_code,
							       sum(value) AS value, count(*) FILTER (value <> 0) AS units,
							       CASE WHEN sum(value) = 0 THEN NULL ELSE max(value) / sum(value) END AS top_share,
							       true AS published,
							       CASE WHEN count(*) FILTER (value <> 0) BETWEEN 1 AND 2 OR max(value) / nullif(sum(value), 0) > 0.85
							            THEN 'secret_primary' ELSE 'ok' END AS status
							FROM expanded
							GROUP BY ALL
							""");
		}
	}

}
