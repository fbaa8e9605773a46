package fr.territoire.indicator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.territoire.warehouse.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The SQL generated for each formula gives, on a small table of three communes in two
 * EPCI and three codes, the values plain arithmetic gives: location quotients against the
 * rest of France with their expected counts, Krugman over every code (absent ones
 * included), Herfindahl, a change between periods, and a ratio with the denominator's
 * latest period.
 */
class IndicatorFormulasTests {

	/** Counts by commune and code: A has codes x and y, B only x, C only z. */
	private static final Map<String, Map<String, Integer>> COUNTS = Map.of("A", Map.of("x", 6, "y", 2), "B",
			Map.of("x", 1), "C", Map.of("z", 3));

	private static final Map<String, String> EPCI = Map.of("A", "E1", "B", "E1", "C", "E2");

	private static final Map<String, Measure> MEASURES = Map.of("count", new Measure("count", "mart.m", "code"),
			"population", new Measure("population", "mart.p", "none"));

	@Test
	void locationQuotientsAgainstTheRestOfFranceWithTheirExpectedCounts() throws SQLException {
		Map<String, Double> values = values(indicator("location_quotient", "code", 4), "value");
		Map<String, Double> expected = values(indicator("location_quotient", "code", 4), "denominator");
		// E1 (A + B): x 7, y 2, total 9; the rest of France (C): z 3, total 3; France: x
		// 7, y 2, z 3, total 12
		double eT = 9;
		double restX = (7 - 7) / (12.0 - 9);
		assertThat(expected.get("epci E1 x")).isCloseTo(eT * restX, within(1e-12));
		assertThat(values).doesNotContainKey("epci E1 z");
		// commune A: x 6 of 8; the rest of France: x 1 of 4
		assertThat(values.get("commune A x")).isCloseTo(round((6 / 8.0) / (1 / 4.0), 4), within(1e-12));
		assertThat(expected.get("commune A x")).isCloseTo(8 * (1 / 4.0), within(1e-12));
		// commune A: y 2 of 8; the rest of France has no y: no quotient
		assertThat(values.get("commune A y")).isNull();
		assertThat(statuses(indicator("location_quotient", "code", 4))).containsEntry("commune A y", "not_applicable")
			.containsEntry("france FR x", "not_applicable");
		assertThat(flags(indicator("location_quotient", "code", 4))).containsEntry("commune A x", "expected_below_5");
	}

	@Test
	void krugmanCountsTheCodesATerritoryLacks() throws SQLException {
		Map<String, Double> values = values(indicator("krugman", "code", 6), "value");
		// commune A: shares x 6/8, y 2/8, z 0; the rest of France (B + C): x 1/4, y 0, z
		// 3/4
		double a = 0.5 * (Math.abs(6 / 8.0 - 1 / 4.0) + Math.abs(2 / 8.0 - 0) + Math.abs(0 - 3 / 4.0));
		assertThat(values.get("commune A _T")).isCloseTo(round(a, 6), within(1e-12));
		// commune C: z 3/3; the rest: x 7/9, y 2/9
		double c = 0.5 * (7 / 9.0 + 2 / 9.0 + 1);
		assertThat(values.get("commune C _T")).isCloseTo(round(c, 6), within(1e-12));
		assertThat(statuses(indicator("krugman", "code", 6))).containsEntry("france FR _T", "not_applicable");
	}

	@Test
	void herfindahlSumsTheSquaredShares() throws SQLException {
		Map<String, Double> values = values(indicator("herfindahl", "code", 6), "value");
		assertThat(values.get("commune A _T")).isCloseTo(round(Math.pow(6 / 8.0, 2) + Math.pow(2 / 8.0, 2), 6),
				within(1e-12));
		assertThat(values.get("france FR _T"))
			.isCloseTo(round(Math.pow(7 / 12.0, 2) + Math.pow(2 / 12.0, 2) + Math.pow(3 / 12.0, 2), 6), within(1e-12));
	}

	/**
	 * 206, 120 and 74 establishments of 400: Σ n² / N² is exactly 0.38945, half-way
	 * between two published values at 4 decimals. Summed as doubles share by share, the
	 * result fell on either side of that point depending on the order of the rows (0.3894
	 * or 0.3895), and so did the territory's rank; the sum of squared counts is exact
	 * whatever the order.
	 */
	@Test
	void herfindahlDoesNotDependOnTheOrderOfTheRows() throws SQLException {
		Set<String> values = new TreeSet<>();
		for (List<Integer> order : List.of(List.of(206, 120, 74), List.of(206, 74, 120), List.of(120, 206, 74),
				List.of(120, 74, 206), List.of(74, 206, 120), List.of(74, 120, 206))) {
			values.add(herfindahlOf(order));
		}
		assertThat(values).hasSize(1);
		double exact = (206.0 * 206 + 120 * 120 + 74 * 74) / (400.0 * 400);
		assertThat(Double.parseDouble(values.iterator().next())).isCloseTo(exact, within(0.00005 + 1e-12));
	}

	/**
	 * Five communes D, each against its own rest of France (commune E), whose Krugman
	 * index is exactly half-way between two published values at 4 decimals (0.16875,
	 * 0.40625, 0.17375, 0.25325, 0.28125), which a sum of doubles reached from either
	 * side depending on the order of the rows; the value must be one, whatever the order.
	 */
	@Test
	void krugmanDoesNotDependOnTheOrderOfTheRows() throws SQLException {
		int[][][] examples = { { { 53, 133, 54 }, { 215, 296, 257 } }, { { 147, 154, 228, 159 }, { 102, 141, 24, 21 } },
				{ { 252, 255, 37 }, { 230, 118, 52 } }, { { 230, 235, 114, 221 }, { 31, 215, 243, 261 } },
				{ { 10, 41, 298, 195 }, { 26, 208, 289, 101 } } };
		for (int[][] example : examples) {
			int[] d = example[0];
			int[] e = example[1];
			long eT = java.util.Arrays.stream(d).sum();
			long rest = java.util.Arrays.stream(e).sum();
			long deviations = 0;
			for (int i = 0; i < d.length; i++) {
				deviations += Math.abs(d[i] * rest - e[i] * eT);
			}
			double exact = 0.5 * deviations / (eT * (double) rest);
			Set<String> values = new TreeSet<>();
			for (List<Integer> order : permutations(d.length)) {
				values.add(krugmanOf(d, e, order));
			}
			assertThat(values)
				.as("Krugman of %s against %s", java.util.Arrays.toString(d), java.util.Arrays.toString(e))
				.hasSize(1);
			assertThat(Double.parseDouble(values.iterator().next())).isCloseTo(exact, within(0.00005 + 1e-12));
		}
	}

	private static List<List<Integer>> permutations(int n) {
		if (n == 0) {
			return List.of(List.of());
		}
		List<List<Integer>> all = new java.util.ArrayList<>();
		for (List<Integer> shorter : permutations(n - 1)) {
			for (int at = 0; at <= shorter.size(); at++) {
				List<Integer> longer = new java.util.ArrayList<>(shorter);
				longer.add(at, n - 1);
				all.add(longer);
			}
		}
		return all;
	}

	private static String krugmanOf(int[] d, int[] e, List<Integer> order) throws SQLException {
		List<Object[]> rows = new java.util.ArrayList<>();
		order.forEach((code) -> rows.add(new Object[] { "D", "code" + code, d[code] }));
		order.forEach((code) -> rows.add(new Object[] { "E", "code" + code, e[code] }));
		return valueOfD("krugman", rows);
	}

	private static String herfindahlOf(List<Integer> counts) throws SQLException {
		return valueOfD("herfindahl",
				counts.stream().map((count) -> new Object[] { "D", "code" + count, count }).toList());
	}

	/**
	 * The value for commune D of an indicator over codes, France being communes D and E,
	 * the rows (commune, code, count) inserted in the order given.
	 */
	private static String valueOfD(String formula, List<Object[]> rows) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			Sql.execute(connection, "fixture",
					"""
							CREATE SCHEMA core; CREATE SCHEMA mart;
							CREATE TABLE core.territory_membership (commune_code VARCHAR, level VARCHAR, territory_code VARCHAR);
							CREATE TABLE mart.m (commune_code VARCHAR, period INTEGER, dimension_code VARCHAR, count BIGINT);
							INSERT INTO core.territory_membership VALUES ('D', 'commune', 'D'), ('E', 'commune', 'E'),
							  ('D', 'france', 'FR'), ('E', 'france', 'FR')""");
			for (Object[] row : rows) {
				Sql.update(connection, "INSERT INTO mart.m VALUES (?, 2024, ?, ?)", row);
			}
			Sql.execute(connection, "indicator", IndicatorSql.build(List.of(indicator(formula, "code", 4)), MEASURES));
			return Sql
				.queryRows(connection,
						"SELECT CAST(value AS VARCHAR) FROM " + IndicatorSql.VIEW
								+ " WHERE level = 'commune' AND territory_code = 'D'")
				.get(0)
				.get(0);
		}
	}

	@Test
	void aChangeIsRelativeToThePreviousPeriodAndNotApplicableAtTheFirst() throws SQLException {
		IndicatorDefinition change = new IndicatorDefinition("change", "c", "d", "%", "change", "population", null,
				null, null, null, null, null, null, 100.0, 2, null);
		Map<String, Double> values = values(change, "value");
		// A: 100 in 2020, 110 in 2022
		assertThat(values.get("commune A _T 2022")).isEqualTo(10.0);
		assertThat(values.get("commune A _T 2020")).isNull();
		assertThat(statuses(change)).containsEntry("commune A _T 2020", "not_applicable")
			.containsEntry("commune A _T 2022", "ok");
	}

	@Test
	void aLatestDenominatorIsTheDenominatorsLatestPeriod() throws SQLException {
		IndicatorDefinition perInhabitant = new IndicatorDefinition("per_inhabitant", "c", "d", "u", null, "count",
				"population", "latest", "code", null, null, null, null, 1000.0, 3, null);
		Map<String, Double> values = values(perInhabitant, "value");
		// A: 6 of code x in 2024 per 1,000 of its 110 inhabitants of 2022
		assertThat(values.get("commune A x 2024")).isEqualTo(round(6 / 110.0 * 1000, 3));
		assertThat(values.get("epci E1 x 2024")).isEqualTo(round(7 / (110.0 + 50) * 1000, 3));
	}

	private static IndicatorDefinition indicator(String formula, String dimension, int decimals) {
		return new IndicatorDefinition(formula, "l", "d", "u", formula, "count", null, null, dimension, null, null,
				null, null, null, decimals, null);
	}

	private static double round(double value, int decimals) {
		return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
	}

	private static Map<String, Double> values(IndicatorDefinition indicator, String column) throws SQLException {
		Map<String, Double> values = new HashMap<>();
		for (List<String> row : rows(indicator, column)) {
			values.put(key(indicator, row), (row.get(4) != null) ? Double.valueOf(row.get(4)) : null);
		}
		return values;
	}

	private static Map<String, String> statuses(IndicatorDefinition indicator) throws SQLException {
		Map<String, String> statuses = new HashMap<>();
		for (List<String> row : rows(indicator, "status")) {
			statuses.put(key(indicator, row), row.get(4));
		}
		return statuses;
	}

	private static Map<String, String> flags(IndicatorDefinition indicator) throws SQLException {
		Map<String, String> flags = new HashMap<>();
		for (List<String> row : rows(indicator, "flag")) {
			flags.put(key(indicator, row), row.get(4));
		}
		return flags;
	}

	/** level territory code, and the period when the indicator spans several. */
	private static String key(IndicatorDefinition indicator, List<String> row) {
		boolean periods = indicator.formula().equals("change") || indicator.latestDenominator();
		return row.get(0) + " " + row.get(1) + " " + row.get(2) + (periods ? " " + row.get(3) : "");
	}

	private static List<List<String>> rows(IndicatorDefinition indicator, String column) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			Sql.execute(connection, "fixture",
					"""
							CREATE SCHEMA core; CREATE SCHEMA mart;
							CREATE TABLE core.territory_membership (commune_code VARCHAR, level VARCHAR, territory_code VARCHAR);
							CREATE TABLE mart.m (commune_code VARCHAR, period INTEGER, dimension_code VARCHAR, count BIGINT);
							CREATE TABLE mart.p (commune_code VARCHAR, period INTEGER, population BIGINT);
							INSERT INTO mart.p VALUES ('A', 2020, 100), ('A', 2022, 110), ('B', 2020, 40), ('B', 2022, 50),
							  ('C', 2020, 30), ('C', 2022, 30)""");
			for (var commune : COUNTS.entrySet()) {
				Sql.update(connection,
						"INSERT INTO core.territory_membership VALUES (?, 'commune', ?), "
								+ "(?, 'epci', ?), (?, 'france', 'FR')",
						commune.getKey(), commune.getKey(), commune.getKey(), EPCI.get(commune.getKey()),
						commune.getKey());
				for (var code : commune.getValue().entrySet()) {
					Sql.update(connection, "INSERT INTO mart.m VALUES (?, 2024, ?, ?)", commune.getKey(), code.getKey(),
							code.getValue());
				}
			}
			Sql.execute(connection, "indicator", IndicatorSql.build(List.of(indicator), MEASURES));
			return Sql.queryRows(connection, "SELECT level, territory_code, dimension_code, CAST(period AS VARCHAR), "
					+ "CAST(" + column + " AS VARCHAR) FROM " + IndicatorSql.VIEW);
		}
	}

}
