package fr.territoire.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.Warehouse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new partner source reaches the target geography with one mapping file and no SQL: one
 * nightly on the small test inbox (département 67) plus a partner workbook written by the
 * test, in a copy of the project whose only change is
 * {@code mappings/partner_implantations.yaml} declaring its commune column. Expected
 * figures are plain arithmetic over the rows the test wrote, and the commune each code
 * belongs to is read from the bundled COG 2026 JSON.
 */
class DeclaredGeographyIntegrationTests {

	static final String WORKBOOK = "partners/reseau-test/implantations.xlsx";

	/** A code of the pattern that no COG vintage knows. */
	static final String UNKNOWN_CODE = "67999";

	/** A former code (Altenstadt, associated with Wissembourg). */
	static final String FORMER_CODE = "67007";

	/** Commune code and jobs of each row the test writes, in sheet order. */
	static final List<Map.Entry<String, Long>> ROWS = List.of(Map.entry("67482", 120L), Map.entry("67482", 30L),
			Map.entry("67108", 45L), Map.entry(FORMER_CODE, 12L), Map.entry(UNKNOWN_CODE, 7L));

	static final String MAPPING = """
			source: partner_implantations
			description: A partner's workbook of its members' premises, with the commune of each.
			files: ["partners/**/implantations.xlsx"]
			format: xlsx
			sheet: Implantations
			header: {row: 1}
			required: false
			vintage: "2026"
			target:
			  table: stg_partner__implantations
			  key: [premises_id]
			geography:
			  commune: commune_code
			  amount: jobs
			  unit: jobs
			columns:
			  - name: Identifiant
			    target: premises_id
			    type: code
			    rules: [required]
			  - name: Code commune
			    target: commune_code
			    type: code
			    rules: [required, {pattern: "[0-9]{5}|2[AB][0-9]{3}"}]
			  - name: Emplois
			    target: jobs
			    type: integer
			    rules: [required, {min: 0}]
			""";

	@TempDir
	static Path project;

	@TempDir
	static Path home;

	@TempDir
	static Path inbox;

	static int exitCode;

	/** For every code written, the commune of 2026 it belongs to (absent if unknown). */
	static final Map<String, String> communeOf2026 = new LinkedHashMap<>();

	static final Map<String, String> methodOf = new LinkedHashMap<>();

	@BeforeAll
	static void runNightlyWithOneNewMapping() throws Exception {
		SampleExpectations.copyConfiguration(project);
		Files.writeString(project.resolve("mappings/partner_implantations.yaml"), MAPPING);
		// the small test inbox (département 67, where every code written is)
		SmallInbox.copyTo(inbox);
		// no legal-unit stock: the release leaves legal_units out (see
		// leavesOutTheTableWhoseSourceWasNotGiven)
		Files.delete(inbox.resolve("sirene/StockUniteLegale_utf8_entzheim.csv"));
		writeWorkbook(inbox.resolve(WORKBOOK));
		readCog2026();
		exitCode = SampleExpectations.runNightlyIn(project, "2026-11-24", home, inbox);
	}

	@Test
	void completesWithoutAnySqlWrittenForTheSource() throws IOException {
		assertThat(exitCode).isZero();
		try (var files = Files.walk(project.resolve("warehouse"))) {
			assertThat(files.map(Path::toString).filter((name) -> name.contains("implantations"))).isEmpty();
		}
	}

	@Test
	void leavesOutTheTableWhoseSourceWasNotGiven() throws IOException {
		Path release = home.resolve("publish/latest").toRealPath();
		try (var files = Files.list(release)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.filteredOn((name) -> name.startsWith("legal_units"))
				.isEmpty();
		}
		JsonMapper json = JsonMapper.builder().build();
		JsonNode absent = json.readTree(release.resolve("manifest.json").toFile()).get("absent");
		assertThat(absent).hasSize(1);
		assertThat(absent.get(0).get("name").asString()).isEqualTo("legal_units");
		assertThat(absent.get(0).get("source").asString()).isEqualTo("sirene_unite_legale");
		JsonNode dataPackage = json.readTree(release.resolve("datapackage.json").toFile());
		assertThat(dataPackage.get("absent_resources").get(0).get("name").asString()).isEqualTo("legal_units");
		List<String> resources = new ArrayList<>();
		dataPackage.get("resources").forEach((resource) -> resources.add(resource.get("name").asString()));
		assertThat(resources).contains("establishments-csv").noneMatch((name) -> name.startsWith("legal_units"));
	}

	@Test
	void listsTheSourceWithItsDeclaredVintage() throws SQLException {
		long known = ROWS.stream().filter((row) -> isCurrentCommune(row.getKey())).count();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.rows("SELECT declared_vintage, detected_vintage, detected_share, vintage_used, "
					+ "chosen_by, target_vintage FROM geography.source_vintage WHERE source = 'partner_implantations'"))
				.containsExactly(List.of("2026", "2026", String.valueOf((double) known / ROWS.size()), "2026",
						"declared", "2026"));
			assertThat(known).isEqualTo(3);
		}
	}

	@Test
	void reportsTheUnknownCodeWithTheJobsItCarries() throws SQLException {
		long unknownJobs = ROWS.stream()
			.filter((row) -> !communeOf2026.containsKey(row.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
		long totalJobs = ROWS.stream().mapToLong(Map.Entry::getValue).sum();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.rows("SELECT code, rows, amount, unit, vintage_from, vintage_to "
					+ "FROM geography.unmapped_commune_code WHERE source = 'partner_implantations'"))
				.containsExactly(List.of(UNKNOWN_CODE, "1", String.valueOf(unknownJobs), "jobs", "2026", "2026"));
			assertThat(warehouse.rows("SELECT unmapped_codes, unmapped_rows, amount_left_out, total_amount, "
					+ "amount_harmonised, unit FROM geography.unmapped_total WHERE source = 'partner_implantations'"))
				.containsExactly(List.of("1", "1", String.valueOf(unknownJobs), String.valueOf(totalJobs),
						String.valueOf(totalJobs - unknownJobs), "jobs"));
			assertThat(unknownJobs).isEqualTo(7);
			assertThat(totalJobs).isEqualTo(214);
		}
	}

	@Test
	void placesEveryRowInItsCommuneOf2026WithThePassageMethod() throws SQLException {
		List<List<String>> expected = new ArrayList<>();
		for (int i = 0; i < ROWS.size(); i++) {
			String code = ROWS.get(i).getKey();
			expected.add(List.of(String.valueOf(i + 2), code, String.valueOf(communeOf2026.get(code)),
					String.valueOf(methodOf.get(code))));
		}
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.rows("SELECT _record, commune_code, coalesce(target_commune_code, 'null'), "
					+ "coalesce(geography_method, 'null') FROM geography.partner_implantations__harmonised "
					+ "ORDER BY _record"))
				.containsExactlyElementsOf(expected);
			assertThat(communeOf2026.get(FORMER_CODE)).isEqualTo("67544");
			assertThat(warehouse
				.number("SELECT sum(jobs) FROM geography.partner_implantations__harmonised "
						+ "WHERE target_commune_code = '67482'")
				.longValue()).isEqualTo(150);
		}
	}

	private static boolean isCurrentCommune(String code) {
		return "identity".equals(methodOf.get(code));
	}

	/** Reads which commune of 2026 each written code belongs to, and how. */
	private static void readCog2026() throws IOException {
		try (InputStream in = new GZIPInputStream(
				Files.newInputStream(SampleExpectations.SAMPLES.resolve("cog-2026/communes.json.gz")))) {
			for (JsonNode entry : JsonMapper.builder().build().readTree(in)) {
				String code = entry.get("code").asString();
				String type = entry.get("type").asString();
				for (Map.Entry<String, Long> row : ROWS) {
					if (type.equals("commune-actuelle") && code.equals(row.getKey())) {
						communeOf2026.put(code, code);
						methodOf.put(code, "identity");
					}
					JsonNode former = entry.get("anciensCodes");
					if (type.equals("commune-actuelle") && former != null && !code.equals(row.getKey())) {
						former.forEach((formerCode) -> {
							if (formerCode.asString().equals(row.getKey())) {
								communeOf2026.putIfAbsent(row.getKey(), code);
								methodOf.putIfAbsent(row.getKey(), "former_code");
							}
						});
					}
				}
			}
		}
	}

	private static void writeWorkbook(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Implantations");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("Identifiant");
			header.createCell(1).setCellValue("Code commune");
			header.createCell(2).setCellValue("Emplois");
			for (int i = 0; i < ROWS.size(); i++) {
				Row row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue("P" + (i + 1));
				row.createCell(1).setCellValue(ROWS.get(i).getKey());
				row.createCell(2).setCellValue(ROWS.get(i).getValue());
			}
			workbook.write(out);
		}
	}

	private static Warehouse current() throws SQLException {
		return Warehouse.open(home.resolve("warehouse").resolve("current.duckdb"));
	}

}
