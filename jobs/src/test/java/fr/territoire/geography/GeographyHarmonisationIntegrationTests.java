package fr.territoire.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.support.CogFiles;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SharedData;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One nightly on real files of {@code ../shared/data}: COG 2024 and 2026 (JSON), 2022
 * (INSEE CSV layout), 2021 (INSEE CSV with leading zeros lost), 2017 (layout before 2019,
 * Windows-1252, with its change events), and INSEE's 2025 populations (2024 geography)
 * with one invented commune code added. Expected figures come from Jackson over the JSON,
 * POI's in-memory workbook model and plain Java over the text files.
 */
class GeographyHarmonisationIntegrationTests {

	/** A commune code no vintage knows, added to the populations workbook. */
	static final String INVENTED_CODE = "01999";

	static final long INVENTED_POPULATION = 4321;

	@TempDir
	static Path home;

	@TempDir
	static Path inbox;

	static int exitCode;

	static SampleExpectations populations;

	static CogFiles cog2024;

	static CogFiles cog2026;

	@BeforeAll
	static void runNightlyOnRealFiles() throws Exception {
		link("reference/cog-2024/communes.json", "cog-2024/communes.json");
		link("reference/cog-2024/epci.json", "cog-2024/epci.json");
		for (String file : List.of("communes.json", "epci.json", "departements.json", "regions.json")) {
			link("reference/cog-2026/" + file, "cog-2026/" + file);
		}
		link("geography/rozieres-files/commune_2022.csv", "cog-2022/commune_2022.csv");
		link("geography/rozieres-files/commune2021.csv", "cog-2021/commune2021.csv");
		link("geography/rozieres-files/grille_densite_niveau_detaille_2022.xlsx",
				"insee-grille-densite/grille_densite_niveau_detaille_2022.xlsx");
		link("geography/etalab-geohisto/France2017.txt", "cog-2017/France2017.txt");
		link("geography/etalab-geohisto/historiq2017.txt", "cog-2017/historiq2017.txt");
		for (String file : SampleExpectations.SIRENE_FILES) {
			Files.createDirectories(inbox.resolve(file).getParent());
			Files.createSymbolicLink(inbox.resolve(file), SampleExpectations.SAMPLES.resolve(file));
		}
		writePopulationsWithInventedCode(SharedData
			.file("statistics/jeayne-conseil-metropolitain/ensemble_2025_populations_reference_2022.xlsx"));
		populations = SampleExpectations.load();
		cog2024 = CogFiles.read(inbox.resolve("cog-2024/communes.json"));
		cog2026 = CogFiles.read(inbox.resolve("cog-2026/communes.json"));
		exitCode = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-24", "--home", home.toString(),
				"--inbox", inbox.toString());
	}

	@Test
	void loadsEveryVintageInEveryLayoutAndTargetsTheNewest() throws Exception {
		assertThat(exitCode).isZero();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.text("SELECT string_agg(vintage, ',' ORDER BY vintage) FROM geography.vintage"))
				.isEqualTo("2017,2021,2022,2024,2026");
			assertThat(warehouse.text("SELECT vintage FROM geography.vintage WHERE is_target")).isEqualTo("2026");
			assertThat(communes(warehouse, "2026")).isEqualTo(cog2026.communes().size()).isEqualTo(34_969);
			assertThat(communes(warehouse, "2024")).isEqualTo(cog2024.communes().size()).isEqualTo(35_029);
			assertThat(communes(warehouse, "2022"))
				.isEqualTo(countLines("geography/rozieres-files/commune_2022.csv", StandardCharsets.UTF_8, "COM,"))
				.isEqualTo(34_955);
			assertThat(communes(warehouse, "2017")).isEqualTo(
					countLines("geography/etalab-geohisto/France2017.txt", Charset.forName("windows-1252"), "1\t"));
			// Windows-1252 names transcoded (Œ is 0x8C)
			assertThat(warehouse.count(
					"SELECT count(*) FROM geography.commune_hierarchy WHERE vintage = '2017' " + "AND name LIKE '%Œ%'"))
				.isPositive();
			assertThat(warehouse
				.count("SELECT rows_read FROM meta.file_accounting WHERE file = 'cog-2017/historiq2017.txt'"))
				.isEqualTo(15_673);
			assertThat(warehouse
				.count("SELECT count(*) FROM meta.file_accounting WHERE rows_read <> rows_staged + rows_rejected"))
				.isZero();
			// the hierarchy of every vintage reaches France through département and
			// région
			assertThat(warehouse.count("SELECT count(*) FROM geography.commune_hierarchy "
					+ "WHERE departement_code IS NULL OR region_code IS NULL"))
				.isZero();
		}
	}

	@Test
	void mapsEveryVanished2024CodeTo2026() throws SQLException {
		Map<String, String> expected = passage2024To2026();
		Set<String> vanished = new TreeSet<>(cog2024.communes().keySet());
		vanished.removeAll(cog2026.communes().keySet());
		assertThat(vanished).hasSize(68);
		long asCommuneDeleguee = vanished.stream()
			.filter((code) -> cog2026.ofType("commune-deleguee")
				.stream()
				.anyMatch((entry) -> entry.get("code").asString().equals(code)))
			.count();
		assertThat(asCommuneDeleguee).isEqualTo(60);
		try (Warehouse warehouse = current()) {
			for (String code : vanished) {
				assertThat(warehouse.text("SELECT string_agg(code_to, ',') FROM geography.commune_passage "
						+ "WHERE vintage_from = '2024' AND vintage_to = '2026' AND code_from = '" + code + "'"))
					.as(code)
					.isEqualTo(expected.get(code));
			}
		}
	}

	@Test
	void keepsTheNationalTotalAndGivesMergedCommunesTheSumOfTheirParts() throws SQLException {
		Map<String, String> passage = passage2024To2026();
		Map<String, Long> expected = new HashMap<>();
		Map<String, Integer> parts = new HashMap<>();
		populations.populationByCommune().forEach((code, population) -> {
			String target = passage.get(code);
			if (target != null) {
				expected.merge(target, population, Long::sum);
				parts.merge(target, 1, Integer::sum);
			}
		});
		long workbookTotal = populations.populationOfFrance();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse
				.text("SELECT chosen_by FROM geography.source_vintage " + "WHERE source = 'insee_population_commune'"))
				.isEqualTo("declared");
			assertThat(warehouse.count("SELECT sum(population_municipale) FROM core.population"))
				.isEqualTo(workbookTotal);
			assertThat(indicator(warehouse, "france", "FR")).isEqualTo(workbookTotal);
			// 01187 Haut Valromey absorbed 01330 Ruffieu, its commune déléguée in 2026
			assertThat(indicator(warehouse, "commune", "01187"))
				.isEqualTo(populations.population("01187") + populations.population("01330"));
			// every merged commune, with or without a commune déléguée
			long merged = 0;
			for (Map.Entry<String, Integer> target : parts.entrySet()) {
				if (target.getValue() > 1 && !target.getKey().equals("75056")) {
					merged++;
					assertThat(indicator(warehouse, "commune", target.getKey())).as(target.getKey())
						.isEqualTo(expected.get(target.getKey()));
				}
			}
			assertThat(merged).isPositive();
		}
	}

	@Test
	void rollsArrondissementsMunicipauxUpToParisLyonAndMarseille() throws SQLException {
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.text("""
					SELECT string_agg(code_to || ':' || n, ',' ORDER BY code_to) FROM (
					  SELECT code_to, count(*) AS n FROM geography.commune_passage
					  WHERE vintage_from = '2024' AND vintage_to = '2026' AND method = 'arrondissement_municipal'
					  GROUP BY code_to)""")).isEqualTo("13055:16,69123:9,75056:20");
			for (JsonNode arrondissement : cog2026.ofType("arrondissement-municipal")) {
				assertThat(warehouse.text("SELECT code_to FROM geography.commune_passage WHERE vintage_from = '2024' "
						+ "AND vintage_to = '2026' AND code_from = '" + arrondissement.get("code").asString() + "'"))
					.isEqualTo(arrondissement.get("commune").asString());
			}
			long paris = populations.populationByCommune()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith("751"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			assertThat(indicator(warehouse, "commune", "75056")).isEqualTo(paris).isPositive();
		}
	}

	@Test
	void reportsAnUnmappableCodeWithItsPopulationAndWhatWasLeftOut() throws Exception {
		try (Warehouse warehouse = current()) {
			assertThat(
					warehouse.text("SELECT code || ':' || rows || ':' || amount FROM geography.unmapped_commune_code "
							+ "WHERE source = 'insee_population_commune'"))
				.isEqualTo(INVENTED_CODE + ":1:" + INVENTED_POPULATION);
			assertThat(warehouse.text("SELECT unmapped_codes || ':' || amount_left_out || ':' || total_amount || ':' "
					+ "|| amount_harmonised FROM geography.unmapped_total WHERE source = 'insee_population_commune'"))
				.isEqualTo("1:" + INVENTED_POPULATION + ":" + (populations.populationOfFrance() + INVENTED_POPULATION)
						+ ":" + populations.populationOfFrance());
			assertThat(warehouse.count(
					"SELECT offending_rows FROM quality.audit_result " + "WHERE audit = 'population__total_preserved'"))
				.isZero();
		}
		try (var reports = Files.list(home.resolve("reports"))) {
			// the report's numbers are grouped by three with a no-break space (4 321);
			// assets/ sits beside it
			String report = Files
				.readString(reports.filter((file) -> file.toString().endsWith(".html")).findFirst().orElseThrow());
			assertThat(report).contains("Left out by harmonisation", INVENTED_CODE,
					String.format(java.util.Locale.ROOT, "%,d", INVENTED_POPULATION).replace(',', '\u00a0'));
		}
	}

	@Test
	void departementAndRegionTotalsFromCommunesEqualTheWorkbookSheets() throws SQLException {
		assertThat(populations.populationByDepartement()).hasSizeGreaterThanOrEqualTo(100);
		assertThat(populations.populationByRegion()).hasSizeGreaterThanOrEqualTo(17);
		try (Warehouse warehouse = current()) {
			populations.populationByDepartement()
				.forEach((code, population) -> assertThat(indicator(warehouse, "departement", code)).as(code)
					.isEqualTo(population));
			populations.populationByRegion()
				.forEach((code, population) -> assertThat(indicator(warehouse, "region", code)).as(code)
					.isEqualTo(population));
		}
	}

	@Test
	void givesACommuneRestoredSince2022TheDensityLevelOfTheCommuneItWasSplitFrom() throws Exception {
		// the communes déléguées of the COG 2022 (INSEE's CSV) and their commune, read
		// with
		// commons-csv
		Map<String, String> deleguees2022 = new HashMap<>();
		try (BufferedReader reader = Files
			.newBufferedReader(SharedData.file("geography/rozieres-files/commune_2022.csv"))) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				if (row.get("TYPECOM").equals("COMD") && !row.get("COM").equals(row.get("COMPARENT"))) {
					deleguees2022.put(row.get("COM"), row.get("COMPARENT"));
				}
			}
		}
		Map<String, TerritoryPeerGroupIntegrationTests.GridRow> grid = TerritoryPeerGroupIntegrationTests
			.readGrid(inbox.resolve("insee-grille-densite/grille_densite_niveau_detaille_2022.xlsx"));
		// restored since 2022: a commune of 2026 the grid has no row for, a commune
		// déléguée in 2022, that does not list its 2022 commune among its former codes
		// (12218 Conques-en-Rouergue, for one, is 12076 under the code of its new
		// chef-lieu)
		Map<String, String> restored = new HashMap<>();
		for (String commune : cog2026.communes().keySet()) {
			if (!grid.containsKey(commune) && deleguees2022.containsKey(commune)
					&& !cog2026.formerCodes(commune).contains(deleguees2022.get(commune))) {
				restored.put(commune, deleguees2022.get(commune));
			}
		}
		assertThat(restored).containsOnlyKeys("15031", "15035", "15047", "15171", "60694", "85165", "85212");
		try (Warehouse warehouse = current()) {
			for (Map.Entry<String, String> commune : restored.entrySet()) {
				assertThat(warehouse.text("SELECT density_method || ':' || source_codes || ':' || density_level "
						+ "FROM geography.commune_density WHERE commune_code = '" + commune.getKey() + "'"))
					.as(commune.getKey())
					.isEqualTo("split:" + commune.getValue() + ":" + grid.get(commune.getValue()).level());
			}
			assertThat(warehouse
				.text("SELECT chosen_by FROM geography.source_vintage " + "WHERE source = 'insee_grille_densite'"))
				.isEqualTo("declared");
		}
	}

	@Test
	void repairsACommuneFileWhoseCodesLostTheirLeadingZeros() throws Exception {
		long damaged = 0;
		try (BufferedReader reader = Files
			.newBufferedReader(SharedData.file("geography/rozieres-files/commune2021.csv"))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] fields = line.split(",", -1);
				if (fields[1].matches("[0-9]{4}") || fields[3].matches("[0-9]") || fields[11].matches("[0-9]{4}")) {
					damaged++;
				}
			}
		}
		assertThat(damaged).isPositive();
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.text("SELECT file || ':' || rows_repaired FROM geography.commune_code_repair"))
				.isEqualTo("cog-2021/commune2021.csv:" + damaged);
			assertThat(warehouse.count("SELECT offending_rows FROM quality.audit_result "
					+ "WHERE audit = 'geography__leading_zeros_restored' AND NOT blocking"))
				.isEqualTo(1);
			assertThat(warehouse.text("SELECT departement_code || ':' || name FROM geography.commune_hierarchy "
					+ "WHERE vintage = '2021' AND commune_code = '01001'"))
				.isEqualTo("01:L'Abergement-Clémenciat");
			assertThat(warehouse.count("SELECT count(*) FROM geography.commune_hierarchy WHERE vintage = '2021' "
					+ "AND NOT regexp_full_match(commune_code, '[0-9]{5}|2[AB][0-9]{3}')"))
				.isZero();
		}
	}

	@Test
	void harmonisesToTheConfiguredTargetVintage(@TempDir Path otherHome) throws Exception {
		System.setProperty("territoire.geography.target-vintage", "2024");
		int configured;
		try {
			configured = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-24", "--home",
					otherHome.toString(), "--inbox", inbox.toString());
		}
		finally {
			System.clearProperty("territoire.geography.target-vintage");
		}
		assertThat(configured).isZero();
		try (Warehouse warehouse = Warehouse.open(otherHome.resolve("warehouse/current.duckdb"))) {
			assertThat(
					warehouse.text("SELECT vintage || ':' || target_chosen_by FROM geography.vintage WHERE is_target"))
				.isEqualTo("2024:configured");
			assertThat(warehouse.count("SELECT count(*) FROM core.commune")).isEqualTo(cog2024.communes().size());
			// Ruffieu is still a commune of its own in 2024
			assertThat(indicator(warehouse, "commune", "01330")).isEqualTo(populations.population("01330"));
			assertThat(indicator(warehouse, "france", "FR")).isEqualTo(populations.populationOfFrance());
		}
		Path release = otherHome.resolve("publish/latest").toRealPath();
		assertThat(Files.readString(release.resolve("manifest.json"))).contains("\"geography_vintage\" : \"2024\"");
	}

	/**
	 * Where each 2024 code (communes and arrondissements) goes in 2026, from the 2026
	 * JSON alone: same code, else its commune déléguée or associée's chef-lieu, else the
	 * commune listing it among its former codes; an arrondissement goes to its commune.
	 */
	static Map<String, String> passage2024To2026() {
		Map<String, String> passage = new HashMap<>();
		Map<String, String> formerCodes = new HashMap<>();
		for (String commune : cog2026.communes().keySet()) {
			cog2026.formerCodes(commune).forEach((former) -> formerCodes.put(former, commune));
		}
		Map<String, String> chefLieu = new HashMap<>();
		for (String type : List.of("commune-deleguee", "commune-associee")) {
			cog2026.ofType(type)
				.forEach((entry) -> chefLieu.put(entry.get("code").asString(), entry.get("chefLieu").asString()));
		}
		for (String code : cog2024.communes().keySet()) {
			String target = cog2026.communes().containsKey(code) ? code
					: chefLieu.getOrDefault(code, formerCodes.get(code));
			passage.put(code, target);
		}
		cog2026.ofType("arrondissement-municipal")
			.forEach((entry) -> passage.put(entry.get("code").asString(), entry.get("commune").asString()));
		return passage;
	}

	private static void link(String shared, String inInbox) throws IOException {
		Path target = inbox.resolve(inInbox);
		Files.createDirectories(target.getParent());
		Files.createSymbolicLink(target, SharedData.file(shared));
	}

	/**
	 * The INSEE workbook with one more commune row whose code no vintage knows, appended
	 * to the XML of its Communes sheet (as inline strings and numbers, like INSEE's own
	 * rows): faster than rewriting the whole workbook with POI.
	 */
	private static void writePopulationsWithInventedCode(Path workbookFile) throws IOException {
		Path copy = inbox.resolve("populations/ensemble_2025_populations_reference_2022.xlsx");
		Files.createDirectories(copy.getParent());
		String sheetPath = communesSheetPath(workbookFile);
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(workbookFile));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(sheetPath)) {
					String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					Matcher rows = Pattern.compile("<row r=\"(\\d+)\"").matcher(xml);
					int last = 0;
					while (rows.find()) {
						last = Integer.parseInt(rows.group(1));
					}
					int row = last + 1;
					String invented = "<row r=\"" + row + "\">" + text("A", row, "84") + text("C", row, "01")
							+ text("F", row, INVENTED_CODE.substring(2)) + text("G", row, "Commune inventée")
							+ number("H", row, INVENTED_POPULATION) + number("I", row, 0)
							+ number("J", row, INVENTED_POPULATION) + "</row>";
					out.write(xml.replace("</sheetData>", invented + "</sheetData>").getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
	}

	/** The part holding the sheet named Communes, from the workbook and its relations. */
	private static String communesSheetPath(Path workbookFile) throws IOException {
		try (ZipFile zip = new ZipFile(workbookFile.toFile())) {
			String workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
					StandardCharsets.UTF_8);
			String relations = new String(zip.getInputStream(zip.getEntry("xl/_rels/workbook.xml.rels")).readAllBytes(),
					StandardCharsets.UTF_8);
			Matcher sheet = Pattern.compile("<sheet name=\"Communes\"[^>]*r:id=\"([^\"]+)\"").matcher(workbook);
			assertThat(sheet.find()).as("sheet Communes in " + workbookFile).isTrue();
			Matcher target = Pattern.compile("Id=\"" + sheet.group(1) + "\"[^>]*Target=\"([^\"]+)\"")
				.matcher(relations);
			assertThat(target.find()).isTrue();
			return "xl/" + target.group(1);
		}
	}

	private static String text(String column, int row, String value) {
		return "<c r=\"" + column + row + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
	}

	private static String number(String column, int row, long value) {
		return "<c r=\"" + column + row + "\" t=\"n\"><v>" + value + "</v></c>";
	}

	private static long countLines(String shared, Charset charset, String prefix) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(SharedData.file(shared), charset)) {
			return reader.lines().skip(1).filter((line) -> line.startsWith(prefix)).count();
		}
	}

	private static long communes(Warehouse warehouse, String vintage) throws SQLException {
		return warehouse.count("SELECT communes FROM geography.vintage WHERE vintage = '" + vintage + "'");
	}

	private static Warehouse current() throws SQLException {
		return Warehouse.open(home.resolve("warehouse/current.duckdb"));
	}

	private static long indicator(Warehouse warehouse, String level, String code) {
		try {
			return warehouse
				.number("SELECT value FROM mart.indicator_value WHERE indicator_id = 'population_municipale' "
						+ "AND level = '" + level + "' AND territory_code = '" + code + "'")
				.longValue();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
