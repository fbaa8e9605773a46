package fr.territoire.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.config.FileHash;
import fr.territoire.support.ParquetFiles;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.Warehouse;
import fr.territoire.support.SampleNightly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One complete nightly on the bundled samples, in this JVM, against a temporary home;
 * every figure is checked against values computed independently from the sample files.
 * The nightly is the one shared by this JVM's tests ({@link SampleNightly}: the same
 * command, date and samples), its home copied, so that the tests that run again in it
 * change only the copy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRunIntegrationTests {

	@TempDir
	static Path home;

	static SampleExpectations expected;

	@BeforeAll
	static void runNightlyOnSamples() throws Exception {
		expected = SampleExpectations.load();
		// fails here unless the shared nightly of 2026-11-23 exited with 0
		SampleNightly.copyHomeTo(home);
	}

	@Test
	@Order(1)
	void completesAndPromotesTheWarehouse() {
		assertThat(SampleNightly.DATE).isEqualTo("2026-11-23");
		assertThat(home.resolve("warehouse/current.duckdb")).isRegularFile();
		assertThat(home.resolve("warehouse/next.duckdb")).doesNotExist();
		assertThat(home.resolve("publish/latest")).isSymbolicLink();
	}

	@Test
	@Order(2)
	void accountsForEveryRowOfEveryFile() throws SQLException, java.io.IOException {
		try (Warehouse warehouse = current()) {
			for (String file : SampleExpectations.SIRENE_FILES) {
				assertThat(warehouse.count("SELECT rows_read FROM meta.file_accounting WHERE file = '" + file + "'"))
					.as(file)
					.isEqualTo(expected.sireneRecords(file));
			}
			assertThat(warehouse
				.count("SELECT rows_read FROM meta.file_accounting WHERE source = 'insee_population_commune'"))
				.isEqualTo(expected.communeRows())
				.isEqualTo(34_964);
			assertThat(warehouse
				.count("SELECT count(*) FROM meta.file_accounting WHERE rows_read <> rows_staged + rows_rejected"))
				.isZero();
			assertThat(warehouse.count("SELECT count(*) FROM meta.file_accounting"))
				.isEqualTo(SampleExpectations.sampleInputFiles())
				.isEqualTo(10);
		}
	}

	@Test
	@Order(3)
	void countsActiveEstablishmentsOfEachCommune() throws SQLException {
		try (Warehouse warehouse = current()) {
			for (String commune : List.of("67108", "67112", "67124", "67128", "67182", "67212", "67551")) {
				assertThat(
						warehouse.count("SELECT active_establishments FROM mart.commune_measure WHERE commune_code = '"
								+ commune + "'"))
					.as(commune)
					.isEqualTo(expected.active(commune))
					.isPositive();
			}
			assertThat(warehouse.count("SELECT count(*) FROM geography.unmapped_commune_code")).isZero();
			assertThat(indicator(warehouse, "active_establishments", "france", "FR"))
				.isEqualTo(expected.activeInFrance());
		}
	}

	@Test
	@Order(4)
	void harmonisesPopulationsToTheTargetGeographyKeepingTotals() throws SQLException {
		try (Warehouse warehouse = current()) {
			assertThat(indicator(warehouse, "population_municipale", "france", "FR"))
				.isEqualTo(expected.populationOfFrance());
			// département and région totals rebuilt from communes equal the workbook's
			// own sheets
			for (String departement : List.of("01", "2A", "67", "75", "971", "974")) {
				assertThat(indicator(warehouse, "population_municipale", "departement", departement)).as(departement)
					.isEqualTo(expected.populationOfDepartement(departement));
			}
			for (String region : List.of("11", "44", "94", "04")) {
				assertThat(indicator(warehouse, "population_municipale", "region", region)).as(region)
					.isEqualTo(expected.populationOfRegion(region));
			}
			// Paris is listed by the workbook as its 20 arrondissements
			long paris = expected.populationByCommune()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith("751"))
				.mapToLong(java.util.Map.Entry::getValue)
				.sum();
			assertThat(indicator(warehouse, "population_municipale", "commune", "75056")).isEqualTo(paris);
		}
	}

	@Test
	@Order(5)
	void computesDensityAtEveryLevelFromSummedParts() throws SQLException {
		try (Warehouse warehouse = current()) {
			assertThat(density(warehouse, "commune", "67124"))
				.isCloseTo(1000.0 * expected.active("67124") / expected.population("67124"), within(0.0005));
			String epci = expected.epciOf("67124");
			long active = expected.epciMembers().get(epci).stream().mapToLong(expected::active).sum();
			long population = expected.epciMembers().get(epci).stream().mapToLong(expected::population).sum();
			assertThat(density(warehouse, "epci", epci)).isCloseTo(1000.0 * active / population, within(0.0005));
			assertThat(warehouse.count("SELECT count(DISTINCT level) FROM mart.indicator_value")).isEqualTo(5);
			assertThat(warehouse.count(
					"SELECT count(*) FROM mart.indicator_value WHERE indicator_id = 'establishment_density' AND level = 'commune'"))
				.isEqualTo(warehouse.count("SELECT count(*) FROM core.commune"));
			assertThat(warehouse.count("""
					SELECT rank_in_level FROM mart.indicator_value
					WHERE indicator_id = 'active_establishments' AND level = 'commune' AND territory_code = '67124'"""))
				.isEqualTo(1);
		}
	}

	@Test
	@Order(6)
	void publishesReleaseWhoseFilesMatchTheWarehouse() throws Exception {
		Path release = home.resolve("publish/latest").toRealPath();
		JsonNode manifest = JsonMapper.builder().build().readTree(release.resolve("manifest.json").toFile());
		assertThat(manifest.get("id").asString()).isEqualTo(release.getFileName().toString()).startsWith("2026-11-23-");
		assertThat(manifest.get("geography_vintage").asString()).isEqualTo("2026");
		assertThat(manifest.get("inputs")).hasSize((int) SampleExpectations.sampleInputFiles());
		try (Warehouse warehouse = current(); Warehouse reader = Warehouse.inMemory()) {
			for (JsonNode table : manifest.get("tables")) {
				String name = table.get("name").asString();
				String from = name.startsWith("indicator_values_")
						? "mart.indicator_value WHERE level = '" + name.substring("indicator_values_".length()) + "'"
						: switch (name) {
							case "indicators" -> "mart.indicator";
							case "secrecy_summary" -> "mart.secrecy_summary";
							case "territory_peers" -> "mart.territory_peer";
							case "territories" -> "core.territory";
							case "commune_measures" -> "mart.commune_measure";
							case "establishments" -> "core.establishment";
							case "legal_units" -> "core.legal_unit";
							case "quality_summary" -> "public.quality_summary";
							case "alerts" -> "mart.alert";
							case "partners" -> "public.partner";
							case "partner_contributions" -> "public.partner_contribution";
							default -> throw new IllegalStateException(table.toString());
						};
				long rows = warehouse.count("SELECT count(*) FROM " + from);
				assertThat(table.get("rows").asLong()).as(from).isEqualTo(rows);
				for (JsonNode file : table.get("files")) {
					Path path = release.resolve(file.get("path").asString());
					assertThat(FileHash.sha256(path)).isEqualTo(file.get("sha256").asString());
					if (file.get("format").asString().equals("xlsx")) {
						// read back by ReleaseDataPackageIntegrationTests with POI
						continue;
					}
					String read = file.get("format").asString().equals("parquet") ? "read_parquet('" + path + "')"
							: "read_csv('" + path + "', header = true, all_varchar = true)";
					assertThat(reader.count("SELECT count(*) FROM " + read)).as(path.toString()).isEqualTo(rows);
					if (file.get("format").asString().equals("parquet")) {
						assertThat(ParquetFiles.rowCount(path)).as("parquet-hadoop: " + path).isEqualTo(rows);
					}
				}
			}
		}
		assertThat(Files.readString(release.resolve("SHA256SUMS"))).contains("indicator_values_commune.parquet",
				"datapackage.json");
		// the Table Schema of each CSV resource lists exactly the CSV's header
		JsonNode dataPackage = JsonMapper.builder().build().readTree(release.resolve("datapackage.json").toFile());
		// three resources (Parquet, CSV, XLSX: every table is below a million rows) per
		// table of the manifest
		assertThat(dataPackage.get("resources")).hasSize(3 * manifest.get("tables").size());
		for (JsonNode resource : dataPackage.get("resources")) {
			if (resource.get("format").asString().equals("csv")) {
				List<String> fields = new java.util.ArrayList<>();
				resource.get("schema").get("fields").forEach((field) -> fields.add(field.get("name").asString()));
				String header = Files.readAllLines(release.resolve(resource.get("path").asString())).get(0);
				assertThat(String.join(",", fields)).isEqualTo(header.replace("\"", ""));
			}
		}
		// codes stay text with their leading zeros, as read by an independent Parquet
		// reader
		Path territories = release.resolve("territories.parquet");
		assertThat(ParquetFiles.columnNames(territories)).containsExactly("level", "level_order", "code", "name",
				"epci_code", "epci_name", "departement_code", "departement_name", "region_code", "region_name");
		assertThat(ParquetFiles.columnValues(territories, "code")).contains("01001", "2A004", "97101", "200067213",
				"01", "2A", "84", "FR");
	}

	@Test
	@Order(7)
	void doesNothingWhenTheSameDateRunsAgain() throws Exception {
		long releasesBefore = releases();
		int again = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-23", "--home", home.toString());
		assertThat(again).isZero();
		assertThat(releases()).isEqualTo(releasesBefore).isEqualTo(1);
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.count("SELECT count(*) FROM meta.run")).isEqualTo(1);
		}
	}

	@Test
	@Order(8)
	void rerunBuildsANewReleaseWithTheSameFigures() throws Exception {
		long before;
		long instance;
		try (Warehouse warehouse = current()) {
			before = warehouse.count("SELECT sum(active_establishments) FROM mart.commune_measure");
			instance = warehouse.count("SELECT job_instance_id FROM meta.run");
		}
		int rerun = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-23", "--rerun", "--home",
				home.toString());
		assertThat(rerun).isZero();
		assertThat(releases()).isEqualTo(2);
		// unchanged inputs, configuration and code: the rerun reused the warehouse
		// (UnchangedRerunIntegrationTests), which now names it
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.count("SELECT sum(active_establishments) FROM mart.commune_measure"))
				.isEqualTo(before);
			assertThat(warehouse.count("SELECT count(*) FROM meta.run")).isEqualTo(1);
			assertThat(warehouse.count("SELECT job_instance_id FROM meta.run")).isGreaterThan(instance);
			assertThat(warehouse.count("SELECT job_instance_id FROM meta.run_fingerprint")).isEqualTo(instance);
		}
	}

	private static long releases() throws java.io.IOException {
		try (var paths = Files.list(home.resolve("publish/releases"))) {
			return paths.count();
		}
	}

	private static Warehouse current() throws SQLException {
		return Warehouse.open(home.resolve("warehouse/current.duckdb"));
	}

	private static long indicator(Warehouse warehouse, String indicator, String level, String code)
			throws SQLException {
		return warehouse
			.number("SELECT value FROM mart.indicator_value WHERE indicator_id = '" + indicator + "' AND level = '"
					+ level + "' AND territory_code = '" + code + "'")
			.longValue();
	}

	private static double density(Warehouse warehouse, String level, String code) throws SQLException {
		return warehouse
			.number("SELECT value FROM mart.indicator_value WHERE indicator_id = 'establishment_density' "
					+ "AND level = '" + level + "' AND territory_code = '" + code + "'")
			.doubleValue();
	}

}
