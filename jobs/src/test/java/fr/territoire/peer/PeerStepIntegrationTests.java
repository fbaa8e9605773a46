package fr.territoire.peer;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The peers step's code on a real DuckDB file holding small tables of the shapes of the
 * contract ({@code mart.indicator_value}, {@code core.territory_peer_group}): neighbours
 * share the density level, nobody is their own neighbour, the latest period is read, and
 * two runs write the same rows.
 */
class PeerStepIntegrationTests {

	private static final int COMMUNES = 40;

	/**
	 * Population 2022 of the four EPCI; 2021 holds other figures that must not be read.
	 */
	private static final double[] EPCI_POPULATION = { 1_000, 2_000, 8_000, 9_000 };

	private static final PeerSpec SPEC = new PeerSpec(3,
			List.of(new PeerSpec.Level("commune", "density_level"), new PeerSpec.Level("epci", null)),
			List.of(new PeerSpec.Feature("population", "population_municipale", null, PeerSpec.Transform.LOG, 1),
					new PeerSpec.Feature("sectors", "naf_section_share", "naf_section", null, 1),
					new PeerSpec.Feature("employer_share", "employer_share", null, null, 0.5)));

	@Test
	void findsNeighboursOfTheSameDensityLevelTheSameWayTwice(@TempDir Path folder) throws SQLException {
		try (DuckDBConnection connection = open(folder.resolve("warehouse.duckdb"))) {
			createFixture(connection);
			Map<String, Long> figures = new HashMap<>();
			long rows = PeerTasklet.run(connection, SPEC, figures::put);
			List<List<String>> first = rows(connection, "SELECT * FROM mart.territory_peer ORDER BY ALL");

			// density levels 1..4 for communes 1..39 (10, 10, 10, 9 communes), none for
			// 40
			Map<String, Integer> density = new HashMap<>();
			for (int i = 1; i < COMMUNES; i++) {
				density.put(commune(i), 1 + (i % 4));
			}
			List<List<String>> communeRows = first.stream().filter((row) -> row.get(0).equals("commune")).toList();
			assertThat(communeRows).hasSize(39 * 3);
			for (List<String> row : communeRows) {
				assertThat(row.get(2)).as("neighbour of %s", row.get(1)).isNotEqualTo(row.get(1));
				assertThat(density.get(row.get(2))).as("density level of %s's neighbour %s", row.get(1), row.get(2))
					.isEqualTo(density.get(row.get(1)));
				double sum = Double.parseDouble(row.get(5)) + Double.parseDouble(row.get(6))
						+ Double.parseDouble(row.get(7));
				assertThat(sum).isCloseTo((Double.parseDouble(row.get(4)) > 0) ? 1 : 0, within(1e-9));
			}
			assertThat(communeRows).noneMatch((row) -> row.get(1).equals(commune(COMMUNES)));
			assertThat(rows).isEqualTo(first.size()).isEqualTo(39 * 3 + 4 * 3);
			// every fourth commune has no employer share ('missing'), commune 40 has no
			// group but is standardised
			assertThat(figures).containsEntry("period.commune.population", 2022L)
				.containsEntry("period.epci.population", 2022L)
				.containsEntry("territories.commune", 40L)
				.containsEntry("missing.commune.employer_share", 10L)
				.containsEntry("missing.commune.population", 0L);

			PeerTasklet.run(connection, SPEC, (key, value) -> {
			});
			assertThat(rows(connection, "SELECT * FROM mart.territory_peer ORDER BY ALL")).isEqualTo(first);
		}
	}

	@Test
	void readsTheLatestPeriodAndRanksByDistance(@TempDir Path folder) throws SQLException {
		try (DuckDBConnection connection = open(folder.resolve("warehouse.duckdb"))) {
			createFixture(connection);
			PeerTasklet.run(connection, SPEC, (key, value) -> {
			});
			// independently: log(1 + population), z-scores over the 4 EPCI (population
			// sd),
			// sectors and employer share are the same everywhere (no spread: dropped)
			double[] x = new double[4];
			double mean = 0;
			for (int i = 0; i < 4; i++) {
				x[i] = Math.log(1 + EPCI_POPULATION[i]);
				mean += x[i] / 4;
			}
			double variance = 0;
			for (int i = 0; i < 4; i++) {
				variance += (x[i] - mean) * (x[i] - mean) / 4;
			}
			double sd = Math.sqrt(variance);
			List<List<String>> epci = rows(connection,
					"SELECT territory_code, peer_code, peer_order, distance, "
							+ "contribution_population, contribution_sectors FROM mart.territory_peer "
							+ "WHERE level = 'epci' AND territory_code = 'E1' ORDER BY peer_order");
			assertThat(epci).extracting((row) -> row.get(1)).containsExactly("E2", "E3", "E4");
			for (int order = 1; order <= 3; order++) {
				List<String> row = epci.get(order - 1);
				assertThat(Double.parseDouble(row.get(3))).isCloseTo(Math.abs(x[order] - x[0]) / sd, within(1e-9));
				assertThat(Double.parseDouble(row.get(4))).isEqualTo(1.0);
				assertThat(Double.parseDouble(row.get(5))).isZero();
			}
		}
	}

	private static DuckDBConnection open(Path file) throws SQLException {
		return DriverManager.getConnection("jdbc:duckdb:" + file).unwrap(DuckDBConnection.class);
	}

	private static String commune(int i) {
		return String.format("01%03d", i);
	}

	/** The contract's tables, with values made up by a formula. */
	private static void createFixture(DuckDBConnection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA core; CREATE SCHEMA mart");
			statement.execute("""
					CREATE TABLE core.territory_peer_group (level VARCHAR, territory_code VARCHAR,
					    density_level INTEGER, density_label VARCHAR, size_class VARCHAR, peer_group VARCHAR,
					    population_municipale BIGINT)""");
			statement.execute("""
					CREATE TABLE mart.indicator_value (indicator_id VARCHAR, level VARCHAR, territory_code VARCHAR,
					    territory_name VARCHAR, period INTEGER, dimension VARCHAR, dimension_code VARCHAR,
					    numerator DOUBLE, denominator DOUBLE, value DOUBLE, rank_in_level BIGINT,
					    percentile_in_level DOUBLE, territories_in_level BIGINT, epci_value DOUBLE,
					    departement_value DOUBLE, region_value DOUBLE, france_value DOUBLE, peer_group VARCHAR,
					    peer_median DOUBLE, rank_in_peer_group BIGINT, status VARCHAR)""");
		}
		try (PreparedStatement group = connection.prepareStatement(
				"INSERT INTO core.territory_peer_group (level, territory_code, density_level) VALUES (?, ?, ?)");
				PreparedStatement value = connection.prepareStatement("""
						INSERT INTO mart.indicator_value (indicator_id, level, territory_code, period, dimension,
						    dimension_code, value, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
			for (int i = 1; i <= COMMUNES; i++) {
				String code = commune(i);
				group.setString(1, "commune");
				group.setString(2, code);
				group.setObject(3, (i < COMMUNES) ? 1 + (i % 4) : null);
				group.executeUpdate();
				insert(value, "population_municipale", "commune", code, 2021, "none", "_T", 50.0 * i, "ok");
				insert(value, "population_municipale", "commune", code, 2022, "none", "_T", 100.0 + (i * 37) % 500,
						"ok");
				for (String section : List.of("A", "C", "G")) {
					insert(value, "naf_section_share", "commune", code, 2022, "naf_section", section,
							(double) ((i * section.charAt(0)) % 23), "ok");
				}
				insert(value, "employer_share", "commune", code, 2022, "none", "_T",
						(i % 4 == 0) ? null : (double) (i * 7 % 31), (i % 4 == 0) ? "missing" : "ok");
			}
			for (int e = 1; e <= 4; e++) {
				String code = "E" + e;
				group.setString(1, "epci");
				group.setString(2, code);
				group.setObject(3, 1);
				group.executeUpdate();
				insert(value, "population_municipale", "epci", code, 2021, "none", "_T", 10_000.0 / e, "ok");
				insert(value, "population_municipale", "epci", code, 2022, "none", "_T", EPCI_POPULATION[e - 1], "ok");
				for (String section : List.of("A", "C", "G")) {
					insert(value, "naf_section_share", "epci", code, 2022, "naf_section", section, 10.0, "ok");
				}
				insert(value, "employer_share", "epci", code, 2022, "none", "_T", 20.0, "ok");
			}
		}
	}

	private static void insert(PreparedStatement statement, String indicator, String level, String code, int period,
			String dimension, String dimensionCode, Double value, String status) throws SQLException {
		statement.setString(1, indicator);
		statement.setString(2, level);
		statement.setString(3, code);
		statement.setInt(4, period);
		statement.setString(5, dimension);
		statement.setString(6, dimensionCode);
		statement.setObject(7, value);
		statement.setString(8, status);
		statement.executeUpdate();
	}

	private static List<List<String>> rows(DuckDBConnection connection, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
