package fr.territoire.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One nightly over the bundled samples plus the real files of {@code ../shared/data} that
 * the shipped declarative mappings read: both editions of INSEE's populations workbook
 * (three sheets each), INSEE's populations CSV, the comparateur extract, IRIS income and
 * a partner workbook. Two inputs carry defects added by the test (documented below), so
 * that the staged and rejected counts of every file are known independently of the
 * pipeline.
 */
class DeclarativeMappingsIntegrationTests {

	static final Path DATA = SampleExpectations.PROJECT.resolveSibling("shared").resolve("data");

	static final String POPULATIONS_2022 = "statistics/insee/ensemble_2022_populations_legales_2019.xlsx";

	static final String POPULATIONS_2025 = "statistics/insee/ensemble_2025_populations_reference_2022.xlsx";

	static final String DONNEES_COMMUNES = "statistics/insee/donnees_communes.csv";

	static final String COMPARATEUR = "statistics/insee/base_cc_comparateur_EXTRACT_transcribed.csv";

	static final String REVENUS = "statistics/insee/revenus-2015.csv";

	static final String PARTNER = "partners/entzheim/etablissements.xlsx";

	@TempDir
	static Path home;

	@TempDir
	static Path inbox;

	static int exitCode;

	/**
	 * Staff band codes of the partner workbook, as the test edits it, counted with POI.
	 */
	static Map<String, Long> partnerBands = new TreeMap<>();

	static long partnerRows;

	static String duplicatedSiret;

	@BeforeAll
	static void runNightlyOnRealSources() throws Exception {
		assertThat(DATA).as("the real data folder ../shared/data beside the project (see its README)").isDirectory();
		SampleExpectations.copySamples(inbox);
		copy("statistics/jeayne-conseil-metropolitain/ensemble_2022_populations_legales_2019.xlsx", POPULATIONS_2022);
		copy("statistics/jeayne-conseil-metropolitain/ensemble_2025_populations_reference_2022.xlsx", POPULATIONS_2025);
		copy("statistics/watashi-clara-outil-decisionel/base_cc_comparateur_EXTRACT_transcribed.csv", COMPARATEUR);
		copy("statistics/gordesch-diag/revenus-2015.csv", REVENUS);
		// Three defective rows appended to INSEE's CSV: a population written "12 3", a
		// row
		// without its département code, and a second row for commune 01001.
		copy("statistics/rozieres-files/donnees_communes.csv", DONNEES_COMMUNES);
		Files.writeString(inbox.resolve(DONNEES_COMMUNES),
				"84;Auvergne-Rhône-Alpes;01;2;08;998;Défaut-Un;12 3;1;124\r\n"
						+ "84;Auvergne-Rhône-Alpes;;2;08;999;Défaut-Deux;5;0;5\r\n"
						+ "84;Auvergne-Rhône-Alpes;01;2;08;001;L'Abergement-Clémenciat;1;0;1\r\n",
				StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		editPartnerWorkbook(DATA.resolve("partners/gordesch-diag/etablissements.xlsx"), inbox.resolve(PARTNER));
		exitCode = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-24", "--home", home.toString(),
				"--inbox", inbox.toString());
	}

	@Test
	void completes() {
		assertThat(exitCode).isZero();
	}

	@Test
	void accountsForEveryRowOfEveryFile() throws Exception {
		List<CSVRecord> donnees = csv(DONNEES_COMMUNES, ';');
		List<CSVRecord> revenus = csv(REVENUS, ',');
		List<CSVRecord> comparateur = csv(COMPARATEUR, ';');
		try (Warehouse warehouse = current()) {
			assertThat(accounting(warehouse, "insee_donnees_communes", DONNEES_COMMUNES))
				.containsExactly((long) donnees.size(), donnees.size() - 3L, 3L);
			assertThat(donnees).hasSize(34_990 + 3);
			assertThat(accounting(warehouse, "insee_revenus_iris", REVENUS)).containsExactly((long) revenus.size(),
					(long) revenus.size(), 0L);
			assertThat(revenus).hasSize(12_227);
			assertThat(accounting(warehouse, "insee_comparateur", COMPARATEUR)).containsExactly(17L, 17L, 0L);
			assertThat(comparateur).hasSize(17);
			assertThat(accounting(warehouse, "insee_populations_communes", POPULATIONS_2022)).containsExactly(34_990L,
					34_990L, 0L);
			assertThat(accounting(warehouse, "insee_populations_communes", POPULATIONS_2025)).containsExactly(34_964L,
					34_964L, 0L);
			assertThat(accounting(warehouse, "insee_populations_departements", POPULATIONS_2022)).containsExactly(100L,
					100L, 0L);
			assertThat(accounting(warehouse, "insee_populations_regions", POPULATIONS_2025)).containsExactly(17L, 17L,
					0L);
			assertThat(accounting(warehouse, "partner_etablissements", PARTNER)).containsExactly(partnerRows,
					partnerRows - 3, 3L);
			assertThat(warehouse
				.count("SELECT count(*) FROM meta.file_accounting WHERE rows_read <> rows_staged + rows_rejected"))
				.isZero();
		}
	}

	@Test
	void harmonisesEverySourceThatDeclaresItsCommuneColumn() throws Exception {
		List<CSVRecord> donnees = csv(DONNEES_COMMUNES, ';');
		long municipale = donnees.subList(0, donnees.size() - 3)
			.stream()
			.mapToLong((record) -> Long.parseLong(record.get("PMUN")))
			.sum();
		long comparateur = csv(COMPARATEUR, ';').stream()
			.mapToLong((record) -> Long.parseLong(record.get("P22_POP")))
			.sum();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.text("SELECT string_agg(source, ',' ORDER BY source) FROM geography.source_vintage"))
				.isEqualTo("insee_comparateur,insee_donnees_communes,insee_grille_densite,insee_population_commune,"
						+ "insee_populations_communes,insee_revenus_iris,partner_members,sirene_etablissement");
			assertThat(warehouse
				.count("SELECT total_amount FROM geography.unmapped_total WHERE source = 'insee_donnees_communes'"))
				.isEqualTo(municipale);
			assertThat(warehouse
				.count("SELECT total_amount FROM geography.unmapped_total WHERE source = 'insee_comparateur'"))
				.isEqualTo(comparateur);
			assertThat(warehouse.count("SELECT count(*) FROM geography.insee_revenus_iris__harmonised"))
				.isEqualTo(csv(REVENUS, ',').size());
		}
	}

	@Test
	void quarantinesEachDefectWithItsRuleColumnValueAndLine() throws SQLException {
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.text("""
					SELECT string_agg(record || ' ' || rule || ' ' || column_name || ' ' || coalesce(value, '∅'), '; '
					                  ORDER BY record)
					FROM quality.rejected_row WHERE source = 'insee_donnees_communes'"""))
				.isEqualTo("34991 integer PMUN 12 3; 34992 required CODDEP ∅; 34993 duplicate_key commune_code 01001");
			assertThat(warehouse.text("""
					SELECT string_agg(record || ' ' || rule || ' ' || column_name || ' ' || coalesce(value, '∅'), '; '
					                  ORDER BY record)
					FROM quality.rejected_row WHERE source = 'partner_etablissements'"""))
				.isEqualTo("4 siret Siret 30096101800343; 5 allowed Tranche d'effectif [99] beaucoup de salariés; "
						+ "7 duplicate_key siret " + duplicatedSiret);
			assertThat(
					warehouse.text("SELECT message FROM quality.rejected_row WHERE source = 'partner_etablissements' "
							+ "AND rule = 'siret'"))
				.isEqualTo(
						"Siret must be a SIRET: 14 digits with a valid Luhn key (La Poste: digit sum multiple of 5)");
		}
	}

	@Test
	void readsSecretMarkersAndBothDecimalSeparatorsOfTheComparateur() throws Exception {
		List<CSVRecord> comparateur = csv(COMPARATEUR, ';');
		try (Warehouse warehouse = current()) {
			for (CSVRecord record : comparateur) {
				String code = record.get("CODGEO");
				assertThat(warehouse
					.count("SELECT p22_pop FROM staging.stg_insee__comparateur WHERE commune_code = '" + code + "'"))
					.as(code)
					.isEqualTo(Long.parseLong(record.get("P22_POP")));
				String pimp = record.get("PIMP21");
				Number staged = warehouse
					.number("SELECT pimp21 FROM staging.stg_insee__comparateur WHERE commune_code = '" + code + "'");
				if (pimp.equals("s")) {
					assertThat(staged).as(code).isNull();
				}
				else {
					assertThat(staged.doubleValue()).as(code).isEqualTo(Double.parseDouble(pimp.replace(',', '.')));
				}
			}
			assertThat(
					warehouse.number("SELECT p22_men FROM staging.stg_insee__comparateur WHERE commune_code = '01004'")
						.doubleValue())
				.isEqualTo(7107.01247632609);
			assertThat(warehouse.count("SELECT count(*) FROM staging.stg_insee__comparateur WHERE med21 IS NULL"))
				.isEqualTo(comparateur.stream().filter((record) -> record.get("MED21").equals("s")).count())
				.isEqualTo(1);
		}
	}

	@Test
	void readsDecimalCommasOfIrisIncome() throws Exception {
		List<CSVRecord> revenus = csv(REVENUS, ',');
		long empty = revenus.stream().filter((record) -> record.get("DISP_TP6015").isEmpty()).count();
		double sum = revenus.stream()
			.filter((record) -> !record.get("DISP_TP6015").isEmpty())
			.mapToDouble((record) -> Double.parseDouble(record.get("DISP_TP6015").replace(',', '.')))
			.sum();
		try (Warehouse warehouse = current()) {
			assertThat(
					warehouse.count("SELECT count(*) FROM staging.stg_insee__revenus_iris WHERE poverty_rate IS NULL"))
				.isEqualTo(empty)
				.isEqualTo(2_788);
			assertThat(warehouse.number("SELECT sum(poverty_rate) FROM staging.stg_insee__revenus_iris").doubleValue())
				.isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
			assertThat(warehouse
				.number("SELECT poverty_rate FROM staging.stg_insee__revenus_iris WHERE iris_code = '010040101'")
				.doubleValue()).isEqualTo(22.6);
		}
	}

	@Test
	void joinsSplitCommuneCodesAndMatchesInseesOwnDepartementTotals() throws Exception {
		long pmun = csv(DONNEES_COMMUNES, ';').stream()
			.limit(34_990)
			.mapToLong((record) -> Long.parseLong(record.get("PMUN")))
			.sum();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.count("SELECT sum(population_municipale) FROM staging.stg_insee__donnees_communes"))
				.isEqualTo(pmun);
			assertThat(warehouse.text(
					"SELECT string_agg(commune_code, ',' ORDER BY commune_code) FROM staging.stg_insee__donnees_communes "
							+ "WHERE commune_code IN ('01001', '2A004', '97101', '97617')"))
				.isEqualTo("01001,2A004,97101");
			for (int edition : List.of(2022, 2025)) {
				// commune rows summed by département equal the workbook's own
				// Départements
				// sheet (not their count: the Communes sheet lists the arrondissements
				// municipaux of Paris, and in 2022 of Lyon and Marseille too, where the
				// Départements sheet counts one commune)
				assertThat(warehouse.count("""
						SELECT count(*) FROM staging.stg_insee__populations_departements d
						LEFT JOIN (SELECT departement_code, sum(population_municipale) AS p
						           FROM staging.stg_insee__populations_communes WHERE edition = %d GROUP BY 1) c
						       USING (departement_code)
						WHERE d.edition = %d AND c.p IS DISTINCT FROM d.population_municipale""".formatted(edition,
						edition)))
					.as("départements whose communes do not add up, edition %d", edition)
					.isZero();
				assertThat(warehouse.count("""
						SELECT count(*) FROM staging.stg_insee__populations_regions r
						LEFT JOIN (SELECT region_code, sum(population_municipale) AS p
						           FROM staging.stg_insee__populations_departements WHERE edition = %d GROUP BY 1) d
						       USING (region_code)
						WHERE r.edition = %d AND d.p IS DISTINCT FROM r.population_municipale""".formatted(edition,
						edition)))
					.isZero();
			}
			assertThat(warehouse.count("SELECT population_municipale FROM staging.stg_insee__populations_communes "
					+ "WHERE edition = 2022 AND commune_code = '01001'"))
				.isEqualTo(779);
			assertThat(warehouse.count("SELECT population_municipale FROM staging.stg_insee__populations_communes "
					+ "WHERE edition = 2025 AND commune_code = '01001'"))
				.isEqualTo(859);
		}
	}

	@Test
	void turnsPartnerLabelsIntoSireneCodesAndSiretNumbersIntoFourteenDigits() throws SQLException {
		try (Warehouse warehouse = current()) {
			Map<String, Long> staged = new TreeMap<>();
			for (List<String> row : rows(warehouse,
					"SELECT tranche_effectifs, count(*) FROM staging.stg_partner__etablissements GROUP BY 1")) {
				staged.put(row.get(0), Long.parseLong(row.get(1)));
			}
			assertThat(staged).isEqualTo(partnerBands);
			assertThat(warehouse.count("SELECT count(*) FROM staging.stg_partner__etablissements "
					+ "WHERE siret = '00032517500016' AND siren = '000325175'"))
				.isOne();
			assertThat(warehouse
				.count("SELECT count(*) FROM staging.stg_partner__etablissements " + "WHERE siret = '30057104901578'"))
				.isOne();
			assertThat(warehouse.count("SELECT count(*) FROM staging.stg_partner__etablissements "
					+ "WHERE length(siret) <> 14 OR length(siren) <> 9"))
				.isZero();
		}
	}

	@Test
	void failsTheRunAboveTheRejectThresholdButKeepsTheQuarantine(@TempDir Path otherHome, @TempDir Path otherInbox)
			throws Exception {
		SampleExpectations.copySamples(otherInbox);
		Path comparateur = otherInbox.resolve(COMPARATEUR);
		Files.createDirectories(comparateur.getParent());
		List<String> lines = new ArrayList<>(Files.readAllLines(inbox.resolve(COMPARATEUR)));
		// 2 of 19 rows with a population that is not a number: 10.5 %, above the default
		// 5 %
		lines.add(lines.get(1).replaceFirst("^01001;859;", "01020;abc;"));
		lines.add(lines.get(2).replaceFirst("^01002;273;", "01021;27 3;"));
		Files.write(comparateur, lines);
		int failed = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-25", "--home", otherHome.toString(),
				"--inbox", otherInbox.toString());
		assertThat(failed).isEqualTo(1);
		assertThat(otherHome.resolve("warehouse/current.duckdb")).doesNotExist();
		try (Warehouse next = Warehouse.open(otherHome.resolve("warehouse/next.duckdb"))) {
			assertThat(next.text("SELECT string_agg(record || ' ' || rule || ' ' || value, '; ' ORDER BY record) "
					+ "FROM quality.rejected_row WHERE source = 'insee_comparateur'"))
				.isEqualTo("18 integer abc; 19 integer 27 3");
			assertThat(next.count("SELECT count(*) FROM staging.stg_insee__comparateur")).isEqualTo(17);
		}
	}

	/**
	 * The partner workbook with these edits: data row 1 (sheet row 2) has its SIRET
	 * stored as a number; row 3 a SIRET whose Luhn key is wrong; row 4 a staff band label
	 * without a known code; row 6 repeats the SIRET of row 5; row 7 is the establishment
	 * 00032517500016 with SIRET and SIREN stored as numbers (their leading zeros lost).
	 * Rejects expected: rows 3, 4 and 6.
	 */
	@Test
	void countsThePartnersMembersFoundActiveInTheRegisterPerThousandActiveEstablishments() throws Exception {
		// the partner's sirets as the workbook holds them (numbers padded back to 14
		// digits), less the rows this test made defective (rejected)
		java.util.Set<String> members = new java.util.TreeSet<>();
		try (InputStream in = Files.newInputStream(inbox.resolve(PARTNER));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			int siret = -1;
			for (var cell : sheet.getRow(0)) {
				if (cell.getStringCellValue().equals("Siret")) {
					siret = cell.getColumnIndex();
				}
			}
			DataFormatter formatter = new DataFormatter();
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				var cell = (sheet.getRow(i) != null) ? sheet.getRow(i).getCell(siret) : null;
				// a siret stored as a number is read as its digits, not Excel's
				// 3.00571E+13
				String value = (cell == null) ? ""
						: (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC)
								? java.math.BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()
								: formatter.formatCellValue(cell);
				if (!value.isBlank() && i != 3 && i != 4) {
					members.add("0".repeat(14 - value.strip().length()) + value.strip());
				}
			}
		}
		// the register's active establishments of Entzheim, read from the stock files
		long active = 0;
		long partners = 0;
		for (String file : List.of("sirene/StockEtablissement_utf8_entzheim.csv",
				"sirene/StockEtablissement_utf8_national_extract.csv")) {
			for (CSVRecord row : csv(file, ',')) {
				if (row.get("codeCommuneEtablissement").equals("67124")
						&& row.get("etatAdministratifEtablissement").equals("A")) {
					active++;
					partners += members.contains(row.get("siret")) ? 1 : 0;
				}
			}
		}
		assertThat(partners).as("partner members active in Entzheim").isPositive();
		try (Warehouse warehouse = current()) {
			List<List<String>> rows = rows(warehouse,
					"SELECT numerator, denominator, value, status "
							+ "FROM mart.indicator_value WHERE indicator_id = 'partner_members_per_1000' "
							+ "AND level = 'commune' AND territory_code = '67124'");
			assertThat(rows).hasSize(1);
			assertThat(Double.parseDouble(rows.get(0).get(0))).isEqualTo(partners);
			assertThat(Double.parseDouble(rows.get(0).get(1))).isEqualTo(active);
			assertThat(Double.parseDouble(rows.get(0).get(2)))
				.isEqualTo(java.math.BigDecimal.valueOf(partners * 1000.0 / active)
					.setScale(2, java.math.RoundingMode.HALF_UP)
					.doubleValue());
			assertThat(rows.get(0).get(3)).isEqualTo("ok");
		}
	}

	static void editPartnerWorkbook(Path original, Path edited) throws IOException {
		Files.createDirectories(edited.getParent());
		try (InputStream in = Files.newInputStream(original); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			Map<String, Integer> columns = new HashMap<>();
			header.forEach((cell) -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
			int siret = columns.get("Siret");
			int siren = columns.get("Siren");
			int band = columns.get("Tranche d'effectif");
			Row first = sheet.getRow(1);
			first.getCell(siret).setCellValue(Double.parseDouble(first.getCell(siret).getStringCellValue()));
			sheet.getRow(3).getCell(siret).setCellValue("30096101800343");
			sheet.getRow(4).getCell(band).setCellValue("[99] beaucoup de salariés");
			duplicatedSiret = sheet.getRow(5).getCell(siret).getStringCellValue();
			sheet.getRow(6).getCell(siret).setCellValue(duplicatedSiret);
			sheet.getRow(7).getCell(siret).setCellValue(32517500016d);
			sheet.getRow(7).getCell(siren).setCellValue(325175d);
			DataFormatter formatter = new DataFormatter();
			Pattern code = Pattern.compile("^\\[([0-9]{2})\\]");
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				if (row == null || formatter.formatCellValue(row.getCell(siret)).isBlank()) {
					continue;
				}
				partnerRows++;
				if (i == 3 || i == 4 || i == 6) {
					continue;
				}
				Matcher matcher = code.matcher(formatter.formatCellValue(row.getCell(band)));
				partnerBands.merge(matcher.find() ? matcher.group(1) : "none", 1L, Long::sum);
			}
			try (OutputStream out = Files.newOutputStream(edited)) {
				workbook.write(out);
			}
		}
	}

	private static List<Long> accounting(Warehouse warehouse, String source, String file) throws SQLException {
		List<List<String>> rows = rows(warehouse,
				"SELECT rows_read, rows_staged, rows_rejected FROM meta.file_accounting WHERE source = '" + source
						+ "' AND file = '" + file + "'");
		assertThat(rows).as(source + " " + file).hasSize(1);
		return rows.get(0).stream().map(Long::parseLong).toList();
	}

	private static List<List<String>> rows(Warehouse warehouse, String sql) throws SQLException {
		return warehouse.rows(sql);
	}

	private static List<CSVRecord> csv(String file, char delimiter) throws IOException {
		try (Reader reader = Files.newBufferedReader(inbox.resolve(file), StandardCharsets.UTF_8)) {
			return new ArrayList<>(CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)
				.getRecords());
		}
	}

	private static void copy(String from, String to) throws IOException {
		Path target = inbox.resolve(to);
		Files.createDirectories(target.getParent());
		Files.copy(DATA.resolve(from), target);
	}

	private static Warehouse current() throws SQLException {
		return Warehouse.open(home.resolve("warehouse/current.duckdb"));
	}

}
