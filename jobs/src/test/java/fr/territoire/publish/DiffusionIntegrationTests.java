package fr.territoire.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.support.ParquetFiles;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SharedData;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A nightly on real register rows of which some units refused diffusion (statutDiffusion
 * 'P', set on real rows that still carry their real address, signs and names, as if a
 * source leaked them): every column of every file of the release, Parquet and CSV, read
 * by independent readers, holds none of their masked values, while aggregates still count
 * them. The geography and populations are the small test inbox's ({@link SmallInbox},
 * département 67): the national extract's rows of other départements are published
 * without a commune.
 */
class DiffusionIntegrationTests {

	private static final List<String> ADDRESS = List.of("complementAdresseEtablissement", "numeroVoieEtablissement",
			"indiceRepetitionEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
			"codePostalEtablissement", "distributionSpecialeEtablissement", "codeCedexEtablissement",
			"libelleCedexEtablissement", "coordonneeLambertAbscisseEtablissement",
			"coordonneeLambertOrdonneeEtablissement");

	private static final List<String> SIGNS = List.of("enseigne1Etablissement", "enseigne2Etablissement",
			"enseigne3Etablissement", "denominationUsuelleEtablissement");

	private static final List<String> NAMES = List.of("nomUniteLegale", "nomUsageUniteLegale", "prenom1UniteLegale",
			"prenom2UniteLegale", "prenom3UniteLegale", "prenom4UniteLegale", "prenomUsuelUniteLegale",
			"pseudonymeUniteLegale", "denominationUniteLegale", "denominationUsuelle1UniteLegale",
			"denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale");

	private static final Set<String> MASKED_COLUMNS = Set.of("complement_adresse", "numero_voie", "indice_repetition",
			"type_voie", "libelle_voie", "code_postal", "distribution_speciale", "code_cedex", "libelle_cedex",
			"coordonnee_lambert_abscisse", "coordonnee_lambert_ordonnee", "enseigne_1", "enseigne_2", "enseigne_3",
			"denomination_usuelle", "sigle", "nom", "nom_usage", "prenom_1", "prenom_2", "prenom_3", "prenom_4",
			"prenom_usuel", "pseudonyme", "denomination", "denomination_usuelle_1", "denomination_usuelle_2",
			"denomination_usuelle_3");

	private static final List<String> COMMUNES = List.of("67108", "67112", "67124", "67128", "67182", "67212", "67551");

	@TempDir
	static Path home;

	static int exitCode;

	/** Masked values of each 'P' unit, by siret or siren. */
	static final Map<String, Set<String>> maskedByUnit = new HashMap<>();

	/**
	 * Values of each 'P' unit that the law leaves public (a legal person's enseigne may
	 * read as its masked sigle).
	 */
	static final Map<String, Set<String>> visibleByUnit = new HashMap<>();

	/** Every value a reuser may legitimately see in the inputs. */
	static final Set<String> publicValues = new HashSet<>();

	static final Map<String, Long> activeByCommune = new HashMap<>();

	static long partiallyDiffusibleEstablishments;

	static long partiallyDiffusibleActiveInCommunes;

	/** Partially diffusible establishments in a commune of 67, the inbox's geography. */
	static long partiallyDiffusibleIn67;

	@BeforeAll
	static void runNightlyWithPartiallyDiffusibleUnits() throws IOException {
		Path inbox = home.resolve("inbox");
		// the geography and populations of the small test inbox (département 67, where
		// the communes checked are): what is tested is what the published files hold of
		// the register's rows, which does not depend on the communes of other
		// départements
		copy(SmallInbox.folder().resolve("cog-2026"), inbox.resolve("cog-2026"));
		copy(SmallInbox.folder().resolve("populations"), inbox.resolve("populations"));
		Files.createDirectories(inbox.resolve("sirene"));
		Map<String, Boolean> naturalPersonBySiren = writeLegalUnits(inbox);
		writeEstablishments(inbox, naturalPersonBySiren);
		exitCode = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-24", "--home",
				home.resolve("var").toString(), "--inbox", inbox.toString());
	}

	/**
	 * The real StockUniteLegale rows; every third sole trader with a name and every legal
	 * person with a sigle refuse diffusion.
	 */
	private static Map<String, Boolean> writeLegalUnits(Path inbox) throws IOException {
		Map<String, Boolean> naturalPersonBySiren = new HashMap<>();
		List<Map<String, String>> rows = read(
				SharedData.file("sirene/trackdechets-sirene-search/StockUniteLegale_utf8.csv"));
		int soleTraders = 0;
		for (Map<String, String> row : rows) {
			String category = row.get("categorieJuridiqueUniteLegale");
			boolean natural = category.equals("1000") || category.startsWith("2");
			naturalPersonBySiren.put(row.get("siren"), natural);
			boolean refuses = (natural && !row.get("nomUniteLegale").isEmpty() && soleTraders++ % 3 == 0)
					|| (!natural && !row.get("sigleUniteLegale").isEmpty());
			if (refuses) {
				row.put("statutDiffusionUniteLegale", "P");
				Set<String> masked = new HashSet<>();
				masked.add(row.get("sigleUniteLegale"));
				if (natural) {
					NAMES.forEach((name) -> masked.add(row.get(name)));
				}
				masked.remove("");
				maskedByUnit.put(row.get("siren"), masked);
				visibleByUnit.put(row.get("siren"), visible(row, masked));
			}
			addPublic(row, maskedByUnit.getOrDefault(row.get("siren"), Set.of()));
		}
		write(inbox.resolve("sirene/StockUniteLegale_utf8_diffusion.csv"), rows);
		assertThat(maskedByUnit).hasSizeGreaterThan(50);
		return naturalPersonBySiren;
	}

	/**
	 * The bundled Entzheim and national extracts; every seventh establishment refuses
	 * diffusion, plus those of 'P' legal units; three copies with a broken SIRET key.
	 */
	private static void writeEstablishments(Path inbox, Map<String, Boolean> naturalPersonBySiren) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		for (String file : SampleExpectations.SIRENE_FILES) {
			rows.addAll(read(SampleExpectations.SAMPLES.resolve(file)));
		}
		for (int i = 0; i < rows.size(); i++) {
			Map<String, String> row = rows.get(i);
			String siren = row.get("siren");
			if (i % 7 == 0) {
				row.put("statutDiffusionEtablissement", "P");
			}
			boolean refuses = row.get("statutDiffusionEtablissement").equals("P") || maskedByUnit.containsKey(siren);
			Set<String> masked = new HashSet<>();
			if (refuses) {
				partiallyDiffusibleEstablishments++;
				ADDRESS.forEach((name) -> masked.add(row.get(name)));
				if (naturalPersonBySiren.getOrDefault(siren, true)) {
					SIGNS.forEach((name) -> masked.add(row.get(name)));
				}
				masked.remove("");
				maskedByUnit.put(row.get("siret"), masked);
				visibleByUnit.put(row.get("siret"), visible(row, masked));
			}
			addPublic(row, masked);
			String commune = row.get("codeCommuneEtablissement");
			if (refuses && commune.startsWith(SmallInbox.DEPARTEMENT)) {
				partiallyDiffusibleIn67++;
			}
			if (row.get("etatAdministratifEtablissement").equals("A") && COMMUNES.contains(commune)) {
				activeByCommune.merge(commune, 1L, Long::sum);
				if (refuses) {
					partiallyDiffusibleActiveInCommunes++;
				}
			}
		}
		for (int i = 1; i <= 3; i++) {
			Map<String, String> broken = new LinkedHashMap<>(rows.get(i));
			String siret = broken.get("siret");
			broken.put("siret", siret.substring(0, 13) + (char) ('0' + (siret.charAt(13) - '0' + 1) % 10));
			rows.add(broken);
		}
		write(inbox.resolve("sirene/StockEtablissement_utf8_diffusion.csv"), rows);
	}

	@Test
	void completes() {
		assertThat(exitCode).isZero();
	}

	@Test
	void noPublishedColumnHoldsAMaskedValue() throws IOException {
		Path release = home.resolve("var/publish/latest").toRealPath();
		// values masked for some unit and public nowhere, with letters in them (numbers
		// such as street numbers also appear as counts): may appear in no cell at all
		Set<String> distinctive = new HashSet<>();
		maskedByUnit.values()
			.forEach((masked) -> masked.stream()
				.filter((value) -> !publicValues.contains(value) && value.matches(".*[A-Za-z].{2,}"))
				.forEach(distinctive::add));
		assertThat(distinctive).hasSizeGreaterThan(300);
		List<Path> files;
		try (Stream<Path> paths = Files.list(release)) {
			files = paths.filter((path) -> path.toString().endsWith(".csv") || path.toString().endsWith(".parquet"))
				.sorted()
				.toList();
		}
		// a Parquet and a CSV file per table of publish.yaml
		assertThat(files).hasSize(2 * fr.territoire.project.ProjectConfiguration
			.load(SampleExpectations.PROJECT, fr.territoire.nightly.Jobs.NAMES)
			.requiredPublication()
			.tables()
			.size());
		long[] unitRowsChecked = { 0 };
		List<String> leaks = new ArrayList<>();
		for (Path file : files) {
			List<Map<String, String>> rows = file.toString().endsWith(".csv") ? read(file) : ParquetFiles.rows(file);
			leaks.addAll(leaks(file.getFileName().toString(), rows, distinctive, unitRowsChecked));
		}
		// the workbooks of the tables of register units, read with POI
		for (String table : List.of("establishments", "legal_units")) {
			Path workbook = release.resolve(table + ".xlsx");
			leaks.addAll(leaks(workbook.getFileName().toString(), readXlsx(workbook), distinctive, unitRowsChecked));
		}
		assertThat(leaks).as("masked values found in the release").isEmpty();
		// the three formats of the establishments list every 'P' establishment
		assertThat(unitRowsChecked[0]).isGreaterThanOrEqualTo(3 * partiallyDiffusibleEstablishments);
		assertThat(ParquetFiles.columnNames(release.resolve("legal_units.parquet"))).doesNotContain("sexe");
	}

	private static List<Map<String, String>> readXlsx(Path file) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
		try (var in = Files.newInputStream(file); var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
			var sheet = workbook.getSheetAt(0);
			var header = sheet.getRow(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				Map<String, String> values = new HashMap<>();
				for (int c = 0; c < header.getLastCellNum(); c++) {
					var cell = row.getCell(c);
					values.put(header.getCell(c).getStringCellValue(),
							(cell == null) ? null : formatter.formatCellValue(cell));
				}
				rows.add(values);
			}
		}
		return rows;
	}

	/**
	 * The cells of some rows that show a value masked for their unit (or a distinctive
	 * masked value anywhere).
	 */
	private static List<String> leaks(String source, List<Map<String, String>> rows, Set<String> distinctive,
			long[] unitRowsChecked) {
		List<String> leaks = new ArrayList<>();
		for (Map<String, String> row : rows) {
			Set<String> maskedOfRow = new HashSet<>();
			Set<String> visible = new HashSet<>();
			for (String key : new String[] { row.get("siret"), row.get("siren") }) {
				if (key != null && maskedByUnit.containsKey(key)) {
					maskedOfRow.addAll(maskedByUnit.get(key));
					visible.addAll(visibleByUnit.get(key));
					unitRowsChecked[0]++;
				}
			}
			visible.addAll(visibleValues(row, maskedOfRow));
			for (Map.Entry<String, String> cell : row.entrySet()) {
				String value = cell.getValue();
				if (value != null
						&& (distinctive.contains(value) || (maskedOfRow.contains(value) && !visible.contains(value)))) {
					leaks.add(source + ", column " + cell.getKey() + " of row " + row.get("siret") + " "
							+ row.get("siren") + ": '" + value + "'");
				}
			}
		}
		return leaks;
	}

	@Test
	void territoireSqlShowsNoMaskedValueByDefault() throws IOException {
		Set<String> distinctive = new HashSet<>();
		maskedByUnit.values()
			.forEach((masked) -> masked.stream()
				.filter((value) -> !publicValues.contains(value) && value.matches(".*[A-Za-z].{2,}"))
				.forEach(distinctive::add));
		var territoireHome = new fr.territoire.config.TerritoireHome(home.resolve("var"), SampleExpectations.PROJECT,
				null);
		long[] unitRowsChecked = { 0 };
		List<String> leaks = new ArrayList<>();
		List<String> tables;
		try (var session = fr.territoire.query.WarehouseQuerySession.openCurrent(territoireHome,
				fr.territoire.config.TerritoireProperties.Query.defaults())) {
			tables = session.tables();
			for (String table : tables) {
				java.io.StringWriter csv = new java.io.StringWriter();
				session.execute("SELECT * FROM " + table,
						fr.territoire.query.ResultPrinter.of(fr.territoire.query.OutputFormat.CSV),
						new java.io.PrintWriter(csv));
				List<Map<String, String>> rows = new ArrayList<>();
				try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(new java.io.StringReader(csv.toString()))) {
					for (var record : parser) {
						Map<String, String> row = new HashMap<>();
						record.toMap().forEach((key, value) -> row.put(key, value.isEmpty() ? null : value));
						rows.add(row);
					}
				}
				leaks.addAll(leaks(table, rows, distinctive, unitRowsChecked));
			}
			assertThatThrownBy(() -> session.execute("SELECT * FROM core.establishment",
					fr.territoire.query.ResultPrinter.of(fr.territoire.query.OutputFormat.CSV),
					new java.io.PrintWriter(new java.io.StringWriter())))
				.hasMessageContaining("[BAD_QUERY]");
		}
		assertThat(tables).contains("public.establishment", "public.legal_unit")
			.allMatch((table) -> table.startsWith("public.") || table.startsWith("mart."));
		assertThat(leaks).as("masked values shown by territoire sql").isEmpty();
		assertThat(unitRowsChecked[0]).isGreaterThanOrEqualTo(partiallyDiffusibleEstablishments);
	}

	@Test
	void publishesPartiallyDiffusibleUnitsWithoutTheirMaskedFields() throws Exception {
		Path release = home.resolve("var/publish/latest").toRealPath();
		List<Map<String, String>> flagged = read(release.resolve("establishments.csv")).stream()
			.filter((row) -> row.get("is_partially_diffusible").equals("true"))
			.toList();
		assertThat((long) flagged.size()).isEqualTo(partiallyDiffusibleEstablishments).isGreaterThan(600);
		assertThat(flagged.stream()
			.filter((row) -> !row.get("libelle_voie").isEmpty() || !row.get("code_postal").isEmpty()
					|| !row.get("coordonnee_lambert_abscisse").isEmpty()))
			.isEmpty();
		// the commune stays visible: every one in a commune of the geography (the
		// national extract's establishments elsewhere have none)
		assertThat(flagged.stream().filter((row) -> !row.get("commune_code").isEmpty()))
			.hasSize((int) partiallyDiffusibleIn67)
			.hasSizeGreaterThan(500);
	}

	@Test
	void aggregatesStillCountPartiallyDiffusibleUnits() throws IOException {
		Path release = home.resolve("var/publish/latest").toRealPath();
		Map<String, String> published = new HashMap<>();
		read(release.resolve("commune_measures.csv"))
			.forEach((row) -> published.put(row.get("commune_code"), row.get("active_establishments")));
		for (String commune : COMMUNES) {
			assertThat(Long.parseLong(published.get(commune))).as(commune).isEqualTo(activeByCommune.get(commune));
		}
		assertThat(partiallyDiffusibleActiveInCommunes).isGreaterThan(500);
	}

	@Test
	void quarantinesTheRowsWithABrokenSiretKey() throws Exception {
		try (Warehouse warehouse = Warehouse.open(home.resolve("var/warehouse/current.duckdb"))) {
			assertThat(
					warehouse.count("SELECT count(*) FROM quality.rejected_row WHERE source = 'sirene_etablissement' "
							+ "AND rule = 'checksum' AND column_name = 'siret'"))
				.isEqualTo(3);
			assertThat(warehouse.count("SELECT count(*) FROM quality.rejected_row")).isEqualTo(3);
		}
	}

	/**
	 * Values a unit also shows in a field the law leaves public (activity, headcount
	 * band, commune...): not leaks.
	 */
	private static Set<String> visibleValues(Map<String, String> row, Set<String> masked) {
		Set<String> visible = new HashSet<>();
		if (!masked.isEmpty()) {
			row.forEach((column, value) -> {
				if (value != null && !MASKED_COLUMNS.contains(column)) {
					visible.add(value);
				}
			});
		}
		return visible;
	}

	private static Set<String> visible(Map<String, String> row, Set<String> masked) {
		Set<String> visible = new HashSet<>(row.values());
		visible.removeAll(masked);
		return visible;
	}

	private static void addPublic(Map<String, String> row, Set<String> masked) {
		row.values().stream().filter((value) -> !masked.contains(value)).forEach(publicValues::add);
	}

	private static List<Map<String, String>> read(Path file) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				rows.add(new LinkedHashMap<>(record.toMap()));
			}
		}
		return rows;
	}

	private static void write(Path file, List<Map<String, String>> rows) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = CSVFormat.DEFAULT.builder()
					.setHeader(rows.get(0).keySet().toArray(String[]::new))
					.get()
					.print(writer)) {
			for (Map<String, String> row : rows) {
				printer.printRecord(row.values());
			}
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

}
