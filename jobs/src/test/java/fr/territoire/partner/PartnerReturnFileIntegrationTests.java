package fr.territoire.partner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's workbook with bad rows: the nightly on the small test inbox plus the
 * samples' members workbook, which the test spoils (a SIRET with a wrong key, a blank
 * name, a postcode-like commune code, a negative turnover, a member listed twice), writes
 * the partner a return file listing exactly those rows with their reasons in French and
 * the cell to fix, and the release credits the partner as a source of the figures its
 * data feeds. Which rows are bad is decided here, by the test's own reading of the
 * workbook it wrote.
 */
class PartnerReturnFileIntegrationTests {

	static final String PARTNER = "cluster-aero-grand-est";

	static final String WORKBOOK = "partners/cluster-aero-grand-est/membres.xlsx";

	static final String DATE = "2026-11-25";

	@TempDir
	static Path project;

	@TempDir
	static Path home;

	@TempDir
	static Path inbox;

	static int exitCode;

	/** The rows the test expects rejected: sheet row, header, column letter, rule. */
	static final List<Expected> expected = new ArrayList<>();

	static int dataRows;

	static String sheetName;

	record Expected(long row, String header, String letter, String rule, String value) {
	}

	@BeforeAll
	static void runNightlyOnASpoiltWorkbook() throws Exception {
		SampleExpectations.copyConfiguration(project);
		// five bad rows out of 53 exceed the default 5 % that fails a run
		Path mapping = project.resolve("mappings/partner_members.yaml");
		Files.writeString(mapping, Files.readString(mapping) + "max_reject_rate: 0.2\n");
		// the small test inbox (département 67) with the samples' members workbook: what
		// is tested is what the partner gets back, computed from the release itself
		SmallInbox.copyTo(inbox);
		Files.createDirectories(inbox.resolve(WORKBOOK).getParent());
		Files.copy(SampleExpectations.SAMPLES.resolve(WORKBOOK), inbox.resolve(WORKBOOK));
		Files.delete(inbox.resolve("sirene/StockUniteLegale_utf8_entzheim.csv"));
		spoil(inbox.resolve(WORKBOOK));
		readExpectedRejects(inbox.resolve(WORKBOOK));
		exitCode = SampleExpectations.runNightlyIn(project, DATE, home, inbox);
	}

	/** Spoils four rows of the sample and appends a copy of a fifth. */
	static void spoil(Path file) throws IOException {
		Workbook workbook;
		try (InputStream in = Files.newInputStream(file)) {
			workbook = new XSSFWorkbook(in);
		}
		Sheet sheet = workbook.getSheetAt(0);
		int header = headerRow(sheet).getRowNum();
		sheet.getRow(header + 3).getCell(0).setCellValue(67482000000011.0);
		sheet.getRow(header + 6).getCell(1).setCellValue("  ");
		sheet.getRow(header + 9).getCell(2).setCellValue("67AB0");
		sheet.getRow(header + 12).getCell(5).setCellValue(-25000.0);
		Row source = sheet.getRow(header + 20);
		Row copy = sheet.createRow(sheet.getLastRowNum() + 1);
		for (Cell cell : source) {
			Cell target = copy.createCell(cell.getColumnIndex());
			target.setCellStyle(cell.getCellStyle());
			switch (cell.getCellType()) {
				case NUMERIC -> target.setCellValue(cell.getNumericCellValue());
				default -> target.setCellValue(new DataFormatter().formatCellValue(cell));
			}
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		workbook.close();
	}

	/**
	 * The test's own validation of the workbook: SIRET (14 digits once padded, Luhn key),
	 * name present, commune code (5 digits, or 2A/2B and 3 digits), turnover not
	 * negative, and a SIRET already seen on a valid row above.
	 */
	static void readExpectedRejects(Path file) throws IOException {
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			sheetName = sheet.getSheetName();
			Row header = headerRow(sheet);
			List<String> headers = new ArrayList<>();
			header.forEach((cell) -> headers.add(formatter.formatCellValue(cell).strip()));
			Set<String> valid = new HashSet<>();
			for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				dataRows++;
				long sheetRow = r + 1;
				String siret = siret(row.getCell(0));
				String name = formatter.formatCellValue(row.getCell(1)).strip();
				String commune = formatter.formatCellValue(row.getCell(2)).strip();
				Cell turnover = row.getCell(5);
				List<Expected> broken = new ArrayList<>();
				if (!(siret.matches("[0-9]{14}") && luhn(siret))) {
					broken.add(new Expected(sheetRow, headers.get(0), "A", "siret", null));
				}
				if (name.isEmpty()) {
					broken.add(new Expected(sheetRow, headers.get(1), "B", "required", null));
				}
				String padded = "0".repeat(Math.max(0, 5 - commune.length())) + commune;
				if (!padded.matches("[0-9]{5}|2[AB][0-9]{3}")) {
					broken.add(new Expected(sheetRow, headers.get(2), "C", "commune_code", commune));
				}
				if (turnover != null && turnover.getCellType() == CellType.NUMERIC
						&& turnover.getNumericCellValue() < 0) {
					broken.add(new Expected(sheetRow, headers.get(5), "F", "min", null));
				}
				if (broken.isEmpty() && !valid.add(siret)) {
					broken.add(new Expected(sheetRow, headers.get(0), "A", "duplicate_key", null));
				}
				assertThat(broken).as("row %d breaks one rule at most", sheetRow).hasSizeLessThanOrEqualTo(1);
				expected.addAll(broken);
			}
			assertThat(headers.subList(0, 6)).containsExactly("SIRET", "Raison sociale", "Code commune",
					"Date d'adhésion", "Tranche d'effectif", "Chiffre d'affaires (€)");
			assertThat(CellReference.convertNumToColString(5)).isEqualTo("F");
		}
		assertThat(expected).extracting(Expected::rule)
			.containsExactlyInAnyOrder("siret", "required", "commune_code", "min", "duplicate_key");
	}

	@Test
	void listsExactlyTheRejectedRowsWithTheirReasonsAndCells() throws IOException {
		assertThat(exitCode).isZero();
		List<CSVRecord> rejects = csv().stream().filter((line) -> line.get("rubrique").equals("rejet")).toList();
		assertThat(rejects)
			.extracting((line) -> new Expected(Long.parseLong(line.get("ligne")), line.get("colonne"),
					line.get("cellule").replaceAll("[0-9]", ""), line.get("regle"), null))
			.containsExactlyInAnyOrderElementsOf(expected.stream()
				.map((row) -> new Expected(row.row(), row.header(), row.letter(), row.rule(), null))
				.toList());
		for (CSVRecord line : rejects) {
			assertThat(line.get("fichier")).isEqualTo(WORKBOOK);
			assertThat(line.get("feuille")).isEqualTo(sheetName);
			assertThat(line.get("cellule")).endsWith(line.get("ligne"));
			assertThat(line.get("motif")).isNotBlank().doesNotContain(" must ");
		}
		assertThat(reject(rejects, "siret").get("motif")).contains("SIRET", "clé de contrôle");
		assertThat(reject(rejects, "required").get("motif")).contains("« Raison sociale » est obligatoire");
		assertThat(reject(rejects, "commune_code").get("valeur")).isEqualTo("67AB0");
		assertThat(reject(rejects, "commune_code").get("motif")).contains("code commune");
		assertThat(reject(rejects, "min").get("motif")).contains("au moins 0");
		assertThat(reject(rejects, "duplicate_key").get("motif")).contains("doublon", "« SIRET »");
	}

	@Test
	void countsTheRowsReceivedStagedAndRejected() throws IOException {
		CSVRecord file = csv().stream()
			.filter((line) -> line.get("rubrique").equals("fichier"))
			.reduce((first, second) -> {
				throw new AssertionError("one file expected");
			})
			.orElseThrow();
		assertThat(file.get("fichier")).isEqualTo(WORKBOOK);
		assertThat(Long.parseLong(file.get("lignes_recues"))).isEqualTo(dataRows);
		assertThat(Long.parseLong(file.get("lignes_rejetees"))).isEqualTo(expected.size());
		assertThat(Long.parseLong(file.get("lignes_retenues"))).isEqualTo(dataRows - expected.size());
		assertThat(dataRows).isEqualTo(53);
	}

	@Test
	void writesTheSameRejectsInTheWorkbook() throws IOException {
		List<CSVRecord> rejects = csv().stream().filter((line) -> line.get("rubrique").equals("rejet")).toList();
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files.newInputStream(returnFile("xlsx")); Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("Rejets");
			List<List<String>> rows = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				rows.add(List.of(formatter.formatCellValue(row.getCell(2)), formatter.formatCellValue(row.getCell(4)),
						formatter.formatCellValue(row.getCell(6))));
			}
			assertThat(rows).containsExactlyElementsOf(rejects.stream()
				.map((line) -> List.of(line.get("ligne"), line.get("cellule"), line.get("motif")))
				.toList());
		}
	}

	@Test
	void tellsWhatItsDataHelpedPublish() throws IOException {
		List<CSVRecord> published = csv().stream()
			.filter((line) -> line.get("rubrique").equals("publication"))
			.toList();
		assertThat(published).extracting((line) -> line.get("indicateur"))
			.containsExactly("partner_turnover", "partner_turnover_by_filiere");
		for (CSVRecord line : published) {
			long[] cells = publishedCells(line.get("indicateur"));
			assertThat(Long.parseLong(line.get("cases_publiees"))).as(line.get("indicateur")).isEqualTo(cells[0]);
			assertThat(Long.parseLong(line.get("cases_secretes"))).as(line.get("indicateur")).isEqualTo(cells[1]);
			assertThat(cells[0] + cells[1]).isPositive();
		}
	}

	@Test
	void creditsThePartnerAsASourceOfTheFiguresItsDataFeeds() throws IOException {
		String name = new YAMLMapper().readTree(project.resolve("partners/" + PARTNER + ".yaml").toFile())
			.get("name")
			.asString();
		JsonNode dataPackage = JsonMapper.builder().build().readTree(release().resolve("datapackage.json").toFile());
		List<String> sources = new ArrayList<>();
		dataPackage.get("sources").forEach((source) -> sources.add(source.get("title").asString()));
		assertThat(sources).anyMatch((title) -> title.startsWith(name + " — "));
		List<String> contributors = new ArrayList<>();
		dataPackage.get("contributors").forEach((contributor) -> contributors.add(contributor.get("title").asString()));
		assertThat(contributors).contains(name);
		for (JsonNode resource : dataPackage.get("resources")) {
			String path = resource.get("path").asString();
			if (!path.startsWith("indicator_values_") || !path.endsWith(".csv")) {
				continue;
			}
			boolean usesPartnerData = publishedCellsIn(release().resolve(path), "partner_turnover") > 0;
			List<String> credited = new ArrayList<>();
			if (resource.has("sources")) {
				resource.get("sources").forEach((source) -> credited.add(source.get("title").asString()));
			}
			assertThat(credited).as(path).isEqualTo(usesPartnerData ? List.of(name) : List.of());
		}
		assertThat(publishedCellsIn(release().resolve("indicator_values_epci.csv"), "partner_turnover")).isPositive();
	}

	@Test
	void creditsThePartnerInTheDcatCatalogueOfTheDatasetsItsDataFeeds() throws IOException {
		String name = new YAMLMapper().readTree(project.resolve("partners/" + PARTNER + ".yaml").toFile())
			.get("name")
			.asString();
		JsonNode catalog = JsonMapper.builder().build().readTree(release().resolve("catalog.jsonld").toFile());
		List<String> contributors = new ArrayList<>();
		catalog.get("dct:contributor").forEach((partner) -> contributors.add(partner.get("foaf:name").asString()));
		assertThat(contributors).containsExactly(name);
		for (JsonNode dataset : catalog.get("dcat:dataset")) {
			String table = dataset.get("@id").asString().substring(1);
			Path csv = release().resolve(table + ".csv");
			// a table with indicators holding rows of the partner's indicators
			boolean usesPartnerData = Files.readAllLines(csv).get(0).contains("\"indicator_id\"")
					&& (publishedCellsIn(csv, "partner_turnover")
							+ publishedCellsIn(csv, "partner_turnover_by_filiere")) > 0;
			List<String> credited = new ArrayList<>();
			if (dataset.has("dct:contributor")) {
				dataset.get("dct:contributor").forEach((partner) -> credited.add(partner.get("foaf:name").asString()));
			}
			assertThat(credited).as(table).isEqualTo(usesPartnerData ? List.of(name) : List.of());
		}
	}

	@Test
	void showsThePartnerAndItsRejectedRowsOnTheNetworkPage() throws IOException {
		String name = new YAMLMapper().readTree(project.resolve("partners/" + PARTNER + ".yaml").toFile())
			.get("name")
			.asString();
		String index = Files.readString(release().resolve("index.html"));
		assertThat(index).contains("href=\"reseau.html\"", name);
		String page = Files.readString(release().resolve("reseau.html"));
		int row = page.indexOf("data-partner=\"" + PARTNER + "\"");
		assertThat(row).isPositive();
		String partnerRow = page.substring(row, page.indexOf("</tr>", row));
		assertThat(partnerRow).contains(name, "<td class=\"n rejected\">" + expected.size() + "</td>",
				"<td class=\"run-date\">" + DATE + "</td>", "<td class=\"n indicators\">2</td>");
		assertThat(page).contains("data-indicator=\"partner_turnover\"",
				"data-indicator=\"partner_turnover_by_filiere\"");
	}

	/** Cells with a value and secret cells of an indicator, over the level files. */
	static long[] publishedCells(String indicator) throws IOException {
		long ok = 0;
		long secret = 0;
		for (String level : List.of("commune", "epci", "departement", "region", "france")) {
			for (CSVRecord row : read(release().resolve("indicator_values_" + level + ".csv"), ',')) {
				if (row.get("indicator_id").equals(indicator)) {
					ok += row.get("status").equals("ok") ? 1 : 0;
					secret += row.get("status").startsWith("secret_") ? 1 : 0;
				}
			}
		}
		return new long[] { ok, secret };
	}

	static long publishedCellsIn(Path file, String indicator) throws IOException {
		return read(file, ',').stream().filter((row) -> row.get("indicator_id").equals(indicator)).count();
	}

	static CSVRecord reject(List<CSVRecord> rejects, String rule) {
		return rejects.stream().filter((line) -> line.get("regle").equals(rule)).findFirst().orElseThrow();
	}

	static List<CSVRecord> csv() throws IOException {
		return read(returnFile("csv"), ';');
	}

	static Path returnFile(String extension) throws IOException {
		Path folder = home.resolve("partners").resolve(PARTNER);
		assertThat(folder).isDirectory();
		try (var files = Files.list(folder)) {
			List<Path> found = files.filter((file) -> file.toString().endsWith("." + extension)).toList();
			assertThat(found).hasSize(1);
			assertThat(found.get(0).getFileName().toString()).startsWith(DATE + "-");
			return found.get(0);
		}
	}

	static Path release() throws IOException {
		return home.resolve("publish/latest").toRealPath();
	}

	static List<CSVRecord> read(Path file, char delimiter) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			return CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)
				.getRecords();
		}
	}

	static Row headerRow(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		for (Row row : sheet) {
			if (row.getCell(0) != null && formatter.formatCellValue(row.getCell(0)).strip().equals("SIRET")) {
				return row;
			}
		}
		throw new AssertionError("no header row");
	}

	/** The SIRET as the mapping reads it: a number's digits, left-padded to 14. */
	static String siret(Cell cell) {
		String text = (cell.getCellType() == CellType.NUMERIC)
				? new java.math.BigDecimal(cell.getNumericCellValue()).toPlainString()
				: new DataFormatter().formatCellValue(cell).replace(" ", "");
		return "0".repeat(Math.max(0, 14 - text.length())) + text;
	}

	/** Luhn's key, or La Poste's rule (SIREN 356000000: digit sum a multiple of 5). */
	static boolean luhn(String digits) {
		if (digits.startsWith("356000000")) {
			return digits.chars().map((c) -> c - '0').sum() % 5 == 0;
		}
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
