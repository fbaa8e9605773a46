package fr.territoire.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import fr.territoire.support.ParquetFiles;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SampleNightly;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release of the samples (one shared nightly, {@link SampleNightly}) read back by
 * independent readers: the Frictionless Data JavaScript libraries (installed with npm
 * from the committed {@code jobs/src/test/frictionless/package-lock.json}),
 * parquet-hadoop, commons-csv and POI; expected values from the samples themselves.
 */
class ReleaseDataPackageIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path VALIDATOR = SampleExpectations.PROJECT.resolve("jobs/src/test/frictionless");

	@Test
	void frictionlessJavaScriptValidatorReadsEveryCsvResourceAndAcceptsThePackage() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		Path folder = SampleExpectations.PROJECT.resolve("jobs/target/frictionless");
		Files.createDirectories(folder);
		for (String file : List.of("package.json", "package-lock.json", "validate.js")) {
			Files.copy(VALIDATOR.resolve(file), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.isDirectory(folder.resolve("node_modules/datapackage"))) {
			assertThat(run(folder, "npm", "ci", "--no-audit", "--no-fund").exitCode()).as("npm ci").isZero();
		}
		Result validation = run(folder, "node", "--no-warnings", "validate.js",
				release.resolve("datapackage.json").toString());
		System.out.println(validation.output());
		assertThat(validation.output()).contains("legal_units-csv: 3849 rows read and cast, primary key [\"siren\"]")
			.contains("establishments-csv: " + csvRecords(release.resolve("establishments.csv"))
					+ " rows read and cast, primary key [\"siret\"], 4 foreign key(s)");
		assertThat(validation.output().strip()).endsWith("VALID").doesNotContain("ERROR");
		assertThat(validation.exitCode()).isZero();
	}

	@Test
	void everyResourceHasItsDeclaredBytesHashAndRowsAndParquetAsReadByParquetHadoop() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		JsonNode dataPackage = JSON.readTree(release.resolve("datapackage.json").toFile());
		int parquet = 0;
		for (JsonNode resource : dataPackage.get("resources")) {
			Path file = release.resolve(resource.get("path").asString());
			String size = resource.get("format").asString().equals("parquet") ? "bytes_on_disk" : "bytes";
			assertThat(resource.get(size).asLong()).as(file.toString()).isEqualTo(Files.size(file));
			assertThat(resource.get("hash").asString()).isEqualTo("sha256:" + sha256(file));
			if (resource.get("name").asString().startsWith("alerts-")) {
				// the samples' series break no trend: the alerts file is published with
				// its
				// header alone, and says so
				assertThat(resource.get("rows").asLong()).as(file.toString()).isZero();
			}
			else {
				assertThat(resource.get("rows").asLong()).as(file.toString()).isPositive();
			}
			if (resource.get("format").asString().equals("parquet")) {
				assertThat(ParquetFiles.rowCount(file)).as(file.toString()).isEqualTo(resource.get("rows").asLong());
				parquet++;
			}
		}
		// 16 tables (13, the alerts and the partners' two), each as Parquet, CSV and XLSX
		// (all below a million rows)
		assertThat(parquet).isEqualTo(16);
		assertThat(dataPackage.get("resources")).hasSize(3 * 16);
		assertThat(dataPackage.get("absent_resources")).isEmpty();
	}

	@Test
	void legalUnitsHoldTheSampleStockWithTheSexNeverPublished() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		Set<String> sirens = new HashSet<>();
		for (CSVRecord record : csv(SampleExpectations.SAMPLES.resolve("sirene/StockUniteLegale_utf8_entzheim.csv"))) {
			sirens.add(record.get("siren"));
		}
		assertThat(sirens).hasSize(3849);
		Set<String> published = new HashSet<>();
		for (CSVRecord record : csv(release.resolve("legal_units.csv"))) {
			published.add(record.get("siren"));
		}
		assertThat(published).isEqualTo(sirens);
		assertThat(ParquetFiles.columnNames(release.resolve("legal_units.parquet"))).doesNotContain("sexe")
			.contains("commune_code", "epci_code", "departement_code", "region_code");
	}

	@Test
	void establishmentsCarryTheHierarchyOfTheirCommuneAndAreSortedByPlace() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		Map<String, JsonNode> communes = new HashMap<>();
		for (JsonNode commune : readGzipJson(SampleExpectations.SAMPLES.resolve("cog-2026/communes.json.gz"))) {
			if (commune.get("type").asString().equals("commune-actuelle")) {
				communes.put(commune.get("code").asString(), commune);
			}
		}
		Map<String, String> epciOf = new HashMap<>();
		for (JsonNode epci : readGzipJson(SampleExpectations.SAMPLES.resolve("cog-2026/epci.json.gz"))) {
			for (JsonNode member : epci.get("membres")) {
				epciOf.put(member.get("code").asString(), epci.get("code").asString());
			}
		}
		List<List<String>> places = new ArrayList<>();
		int checked = 0;
		for (CSVRecord record : csv(release.resolve("establishments.csv"))) {
			String commune = record.get("commune_code");
			places
				.add(List.of(record.get("region_code"), record.get("departement_code"), commune, record.get("siret")));
			if (commune.isEmpty()) {
				assertThat(record.get("region_code")).isEmpty();
				continue;
			}
			JsonNode cog = communes.get(commune);
			assertThat(record.get("departement_code")).as(commune).isEqualTo(cog.get("departement").asString());
			assertThat(record.get("region_code")).as(commune).isEqualTo(cog.get("region").asString());
			assertThat(record.get("epci_code")).as(commune).isEqualTo(epciOf.getOrDefault(commune, ""));
			checked++;
		}
		assertThat(checked).isGreaterThan(3900);
		// Entzheim: Bas-Rhin, Grand Est, Eurométropole de Strasbourg
		assertThat(epciOf.get("67124")).isEqualTo("246700488");
		Comparator<String> emptyLast = Comparator.comparing(String::isEmpty).thenComparing(Comparator.naturalOrder());
		Comparator<List<String>> byPlace = Comparator.comparing((List<String> p) -> p.get(0), emptyLast)
			.thenComparing((p) -> p.get(1), emptyLast)
			.thenComparing((p) -> p.get(2), emptyLast)
			.thenComparing((p) -> p.get(3), emptyLast);
		List<List<String>> sorted = new ArrayList<>(places);
		sorted.sort(byPlace);
		assertThat(places).isEqualTo(sorted);
	}

	@Test
	void territoriesCarryTheirWholeHierarchyWithNames() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		Map<String, String> departements = names(SampleExpectations.SAMPLES.resolve("cog-2026/departements.json"));
		Map<String, String> regions = names(SampleExpectations.SAMPLES.resolve("cog-2026/regions.json"));
		CSVRecord entzheim = null;
		CSVRecord basRhin = null;
		for (CSVRecord record : csv(release.resolve("territories.csv"))) {
			if (record.get("level").equals("commune") && record.get("code").equals("67124")) {
				entzheim = record;
			}
			if (record.get("level").equals("departement") && record.get("code").equals("67")) {
				basRhin = record;
			}
		}
		assertThat(entzheim).isNotNull();
		assertThat(List.of(entzheim.get("epci_code"), entzheim.get("departement_code"),
				entzheim.get("departement_name"), entzheim.get("region_code"), entzheim.get("region_name")))
			.containsExactly("246700488", "67", departements.get("67"), "44", regions.get("44"));
		assertThat(entzheim.get("epci_name")).isEqualTo("Eurométropole de Strasbourg");
		assertThat(basRhin).isNotNull();
		assertThat(List.of(basRhin.get("epci_code"), basRhin.get("departement_code"), basRhin.get("region_code"),
				basRhin.get("region_name")))
			.containsExactly("", "", "44", "Grand Est");
	}

	@Test
	void countsAreIntegersInParquetAndCsv() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		Path parquet = release.resolve("indicator_values_france.parquet");
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(parquet))) {
			var schema = reader.getFooter().getFileMetaData().getSchema();
			for (String column : List.of("numerator", "rank_in_level", "territories_in_level", "period")) {
				assertThat(schema.getType(column).asPrimitiveType().getPrimitiveTypeName()).as(column)
					.isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
			}
		}
		int numerators = 0;
		for (CSVRecord record : csv(release.resolve("indicator_values_commune.csv"))) {
			String numerator = record.get("numerator");
			assertThat(numerator).matches("-?[0-9]*");
			numerators += numerator.isEmpty() ? 0 : 1;
		}
		assertThat(numerators).isGreaterThan(100_000);
		JsonNode dataPackage = JSON.readTree(release.resolve("datapackage.json").toFile());
		assertThat(field(dataPackage, "indicator_values_commune-csv", "numerator").get("type").asString())
			.isEqualTo("integer");
		assertThat(field(dataPackage, "indicators-csv", "scale").get("type").asString()).isEqualTo("integer");
	}

	@Test
	void everyFieldHasAFrenchTitleAndADescriptionWithoutTrailingLineBreak() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		JsonNode dataPackage = JSON.readTree(release.resolve("datapackage.json").toFile());
		int fields = 0;
		for (JsonNode resource : dataPackage.get("resources")) {
			assertThat(resource.get("description").asString()).doesNotEndWith("\n").doesNotEndWith(" ");
			for (JsonNode field : resource.get("schema").get("fields")) {
				assertThat(field.get("title").asString()).as(field.toString()).isNotBlank();
				assertThat(field.get("description").asString()).as(field.toString()).doesNotEndWith("\n");
				fields++;
			}
		}
		assertThat(fields).isGreaterThan(300);
		JsonNode siret = field(dataPackage, "establishments-csv", "siret");
		assertThat(siret.get("title").asString()).isEqualTo("SIRET");
		assertThat(siret.get("description").asString())
			.isEqualTo("identifiant de l'établissement (14 chiffres : SIREN et NIC)");
		assertThat(siret.get("constraints").get("pattern").asString()).isEqualTo("^[0-9]{14}$");
		assertThat(siret.get("constraints").get("required").asBoolean()).isTrue();
		assertThat(field(dataPackage, "indicator_values_region-csv", "level").get("constraints").get("enum"))
			.hasSize(5);
		for (CSVRecord record : csv(release.resolve("indicators.csv"))) {
			for (String value : record.values()) {
				assertThat(value).as(record.get("indicator_id")).doesNotEndWith("\n");
			}
		}
	}

	@Test
	void packageStatesLicenceSourcesWithTheirEditionsSecrecyAndCoverage() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		JsonNode dataPackage = JSON.readTree(release.resolve("datapackage.json").toFile());
		JsonNode licence = dataPackage.get("licenses").get(0);
		assertThat(List.of(licence.get("name").asString(), licence.get("path").asString(),
				licence.get("title").asString()))
			.containsExactly("etalab-2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
					"Licence Ouverte / Open Licence 2.0 (Etalab)");
		String stockDate = "";
		for (String file : SampleExpectations.SIRENE_FILES) {
			for (CSVRecord record : csv(SampleExpectations.SAMPLES.resolve(file))) {
				String processed = record.get("dateDernierTraitementEtablissement");
				if (processed.length() >= 10 && processed.substring(0, 10).compareTo(stockDate) > 0) {
					stockDate = processed.substring(0, 10);
				}
			}
		}
		List<String> editions = new ArrayList<>();
		dataPackage.get("sources").forEach((source) -> editions.add(source.get("edition").asString()));
		assertThat(editions).contains("stock du " + stockDate, "COG 2026", "populations de référence 2022");
		assertThat(editions).anyMatch((edition) -> edition.startsWith("nomenclatures du répertoire : NAFRev2"));
		assertThat(dataPackage.get("secrecy").get("min_units").asInt()).isEqualTo(3);
		assertThat(dataPackage.get("secrecy").get("dominance").asDouble()).isEqualTo(0.85);
		assertThat(dataPackage.get("update_frequency").asString()).isEqualTo("daily");
		assertThat(dataPackage.get("spatial_coverage").get("name").asString()).isEqualTo("France");
		int first = Integer.MAX_VALUE;
		int last = Integer.MIN_VALUE;
		for (CSVRecord record : csv(release.resolve("indicator_values_france.csv"))) {
			first = Math.min(first, Integer.parseInt(record.get("period")));
			last = Math.max(last, Integer.parseInt(record.get("period")));
		}
		assertThat(dataPackage.get("temporal_coverage").get("start").asString()).isEqualTo(Integer.toString(first));
		assertThat(dataPackage.get("temporal_coverage").get("end").asString()).isEqualTo(Integer.toString(last));
	}

	@Test
	void xlsxKeepsCodesAsTextAndNumbersAsNumbers() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		List<CSVRecord> establishments = csv(release.resolve("establishments.csv"));
		try (InputStream in = Files.newInputStream(release.resolve("establishments.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(establishments.size());
			for (int i = 0; i < establishments.size(); i++) {
				Cell siret = sheet.getRow(i + 1).getCell(0);
				assertThat(siret.getCellType()).isEqualTo(CellType.STRING);
				assertThat(siret.getStringCellValue()).isEqualTo(establishments.get(i).get("siret"));
			}
		}
		List<CSVRecord> measures = csv(release.resolve("commune_measures.csv"));
		try (InputStream in = Files.newInputStream(release.resolve("commune_measures.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			int code = column(header, "commune_code");
			int active = column(header, "active_establishments");
			long total = 0;
			for (int i = 0; i < measures.size(); i++) {
				Row row = sheet.getRow(i + 1);
				assertThat(row.getCell(code).getStringCellValue()).isEqualTo(measures.get(i).get("commune_code"));
				assertThat(row.getCell(active).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat((long) row.getCell(active).getNumericCellValue())
					.isEqualTo(Long.parseLong(measures.get(i).get("active_establishments")));
				total += (long) row.getCell(active).getNumericCellValue();
			}
			assertThat(total).isPositive();
		}
	}

	@Test
	void qualitySummaryAccountsForEveryInputFileAndTheAuditsOfThePublicLayer() throws Exception {
		Path release = SampleNightly.release().toRealPath();
		Map<String, CSVRecord> items = new HashMap<>();
		for (CSVRecord record : csv(release.resolve("quality_summary.csv"))) {
			items.put(record.get("item"), record);
		}
		CSVRecord legalUnits = items.get("sirene_unite_legale/sirene/StockUniteLegale_utf8_entzheim.csv");
		long records = csvRecords(SampleExpectations.SAMPLES.resolve("sirene/StockUniteLegale_utf8_entzheim.csv"));
		assertThat(Long.parseLong(legalUnits.get("rows_read"))).isEqualTo(records);
		assertThat(Long.parseLong(legalUnits.get("rows_staged")) + Long.parseLong(legalUnits.get("rows_rejected")))
			.isEqualTo(records);
		assertThat(items.values().stream().filter((record) -> record.get("kind").equals("file")).count())
			.isEqualTo(SampleExpectations.sampleInputFiles());
		// an audit of the public layer, run after the public models were built
		CSVRecord masked = items.get("legal_unit__published_masked_fields_of_partially_diffusible");
		assertThat(masked.get("kind")).isEqualTo("audit");
		assertThat(masked.get("outcome")).isEqualTo("pass");
		assertThat(masked.get("offending_rows")).isEqualTo("0");
	}

	private static JsonNode field(JsonNode dataPackage, String resource, String name) {
		for (JsonNode candidate : dataPackage.get("resources")) {
			if (candidate.get("name").asString().equals(resource)) {
				for (JsonNode field : candidate.get("schema").get("fields")) {
					if (field.get("name").asString().equals(name)) {
						return field;
					}
				}
			}
		}
		throw new AssertionError(resource + "." + name + " not in datapackage.json");
	}

	private static int column(Row header, String name) {
		for (Cell cell : header) {
			if (cell.getStringCellValue().equals(name)) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError(name);
	}

	private static Map<String, String> names(Path json) throws IOException {
		Map<String, String> names = new HashMap<>();
		for (JsonNode entry : JSON.readTree(json.toFile())) {
			names.put(entry.get("code").asString(), entry.get("nom").asString());
		}
		return names;
	}

	private static JsonNode readGzipJson(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return JSON.readTree(in);
		}
	}

	static List<CSVRecord> csv(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private static long csvRecords(Path file) throws IOException {
		return csv(file).size();
	}

	static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static Result run(Path folder, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
