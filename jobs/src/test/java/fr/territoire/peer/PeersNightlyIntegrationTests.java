package fr.territoire.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.support.ParquetFiles;
import fr.territoire.support.Warehouse;
import fr.territoire.support.SampleNightly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code peers} step in the nightly on the bundled samples, run twice (two days) in
 * one home: every commune's neighbours share its density level, nobody is their own
 * neighbour, each territory gets min(k, others of its group) neighbours ranked 1… (none
 * without a value for any feature), the release publishes them, and the second run finds
 * exactly the same lists. The density levels are read from
 * {@code core.territory_peer_group} in Java, not through the step's SQL. The first day is
 * the nightly on the samples shared by this JVM's tests ({@code SampleNightly}), its home
 * copied; the second runs in the copy.
 * <p>
 * Needs the indicators of issue 12 ({@code mart.indicator_value} with period, dimension
 * and status) and {@code core.territory_peer_group}: built by other work of that issue.
 */
class PeersNightlyIntegrationTests {

	@TempDir
	static Path home;

	static List<List<String>> firstPeers;

	static int secondExitCode;

	@BeforeAll
	static void runNightlyTwiceOnSamples() throws Exception {
		// the first nightly (2026-11-23 on the samples): the one shared by this JVM's
		// tests,
		// its home copied (fails here unless it exited with 0)
		SampleNightly.copyHomeTo(home);
		try (Warehouse warehouse = current()) {
			firstPeers = warehouse.rows("SELECT * FROM mart.territory_peer ORDER BY level, territory_code, peer_order");
		}
		secondExitCode = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-24", "--home", home.toString());
	}

	@Test
	void everyCommunesNeighboursShareItsDensityLevelAndAreNotItself() throws SQLException {
		try (Warehouse warehouse = current()) {
			// a commune with no value for any feature gets no neighbour and is nobody's
			java.util.Set<String> located = new java.util.HashSet<>();
			warehouse
				.rows("SELECT DISTINCT territory_code FROM mart.indicator_value WHERE level = 'commune' "
						+ "AND status = 'ok' AND value IS NOT NULL AND indicator_id IN ('population_municipale', "
						+ "'establishment_density', 'naf_section_share', 'creation_rate', 'employer_share')")
				.forEach((row) -> located.add(row.get(0)));
			Map<String, String> density = new HashMap<>();
			Map<String, Integer> groupSize = new HashMap<>();
			for (List<String> row : warehouse.rows(
					"SELECT territory_code, CAST(density_level AS VARCHAR) FROM core.territory_peer_group WHERE level = 'commune'")) {
				density.put(row.get(0), located.contains(row.get(0)) ? row.get(1) : null);
				if (row.get(1) != null && located.contains(row.get(0))) {
					groupSize.merge(row.get(1), 1, Integer::sum);
				}
			}
			assertThat(groupSize).isNotEmpty();
			Map<String, Integer> neighbours = new HashMap<>();
			List<List<String>> rows = warehouse
				.rows("SELECT territory_code, peer_code, peer_order FROM mart.territory_peer WHERE level = 'commune'");
			assertThat(rows).isNotEmpty();
			for (List<String> row : rows) {
				assertThat(row.get(1)).as("a neighbour of %s", row.get(0)).isNotEqualTo(row.get(0));
				assertThat(density.get(row.get(0))).as("density level of %s", row.get(0)).isNotNull();
				assertThat(density.get(row.get(1))).as("density level of %s's neighbour %s", row.get(0), row.get(1))
					.isEqualTo(density.get(row.get(0)));
				neighbours.merge(row.get(0), 1, Integer::sum);
			}
			for (Map.Entry<String, String> commune : density.entrySet()) {
				int expected = (commune.getValue() == null) ? 0 : Math.min(10, groupSize.get(commune.getValue()) - 1);
				assertThat(neighbours.getOrDefault(commune.getKey(), 0)).as("neighbours of %s", commune.getKey())
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void ranksNeighboursFromOneWithEachFeaturesShare() throws SQLException {
		Map<String, Integer> last = new HashMap<>();
		double previous = 0;
		for (List<String> row : firstPeers) {
			String territory = row.get(0) + "|" + row.get(1);
			int order = Integer.parseInt(row.get(3));
			assertThat(order).as("rank of %s", row).isEqualTo(last.getOrDefault(territory, 0) + 1);
			double distance = Double.parseDouble(row.get(4));
			if (order > 1) {
				assertThat(distance).as("distances in order for %s", territory).isGreaterThanOrEqualTo(previous);
			}
			previous = distance;
			last.put(territory, order);
			double shares = row.subList(5, row.size())
				.stream()
				.filter(Objects::nonNull)
				.mapToDouble(Double::parseDouble)
				.sum();
			assertThat(shares).as("contributions of %s", row)
				.isCloseTo((distance > 0) ? 1 : 0, org.assertj.core.api.Assertions.within(1e-9));
		}
		assertThat(last.keySet()).anyMatch((key) -> key.startsWith("epci|"))
			.anyMatch((key) -> key.startsWith("departement|"));
	}

	@Test
	void publishesTheNeighbours() throws Exception {
		assertThat(secondExitCode).isZero();
		Path release = home.resolve("publish/latest").toRealPath();
		Path file = release.resolve("territory_peers.parquet");
		assertThat(file).isRegularFile();
		try (Warehouse warehouse = current()) {
			assertThat(ParquetFiles.rowCount(file))
				.isEqualTo(warehouse.count("SELECT count(*) FROM mart.territory_peer"));
		}
		assertThat(Files.readString(release.resolve("SHA256SUMS"))).contains("territory_peers.parquet");
	}

	@Test
	void findsTheSameNeighboursTheNextNight() throws SQLException {
		assertThat(secondExitCode).isZero();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.rows("SELECT * FROM mart.territory_peer ORDER BY level, territory_code, peer_order"))
				.isEqualTo(firstPeers);
		}
	}

	private static Warehouse current() throws SQLException {
		return Warehouse.open(home.resolve("warehouse/current.duckdb"));
	}

}
