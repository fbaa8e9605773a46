package fr.territoire.indicator;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.support.IndicatorValueRow;
import fr.territoire.support.RegisterFileFigures;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.StockFigures;
import fr.territoire.support.StockFigures.Counts;
import fr.territoire.support.StockFigures.Territory;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closures, closure rates and 3-year survival on a small generated stock whose dates are
 * chosen: 31 establishments in three communes (two of the Eurométropole de Strasbourg,
 * one of another EPCI) and one abroad, with closings on the 3-year boundary and a day
 * before it, on 1 January, and a cohort too young to be measured. The expected figures
 * are computed from the written file by {@link StockFigures}, never typed in. The
 * geography is the samples' restricted to département 67
 * ({@link SmallInbox#restrictGeography}).
 */
class SurvivalAndClosuresIntegrationTests {

	static final String ENTZHEIM = "67124";

	static final String HOLTZHEIM = "67212";

	static final String DUPPIGHEIM = "67108";

	static final List<String> COMMUNES = List.of(ENTZHEIM, HOLTZHEIM, DUPPIGHEIM);

	/** Cohorts old enough: their third anniversary year ends before the stock date. */
	static final List<Integer> COHORTS = List.of(2018, 2020);

	/** The last treatment of every row: the stock date. */
	static final String LAST_TREATMENT = "2025-06-30T08:00:00";

	/**
	 * commune, creation date (empty for none), state, dateDebut of a closed one (the
	 * closing); an open one gets its creation date as dateDebut.
	 */
	static final String[][] ROWS = {
			// Entzheim: older establishments
			{ ENTZHEIM, "2012-03-15", "A", "" }, { ENTZHEIM, "2014-06-01", "A", "" },
			{ ENTZHEIM, "2015-09-10", "F", "2019-05-20" }, { ENTZHEIM, "2016-01-04", "F", "2020-11-30" },
			{ ENTZHEIM, "2013-02-01", "F", "2021-01-01" },
			// Entzheim, cohort 2018: open; closed on the third anniversary; the day
			// before;
			// after a year; the day before again
			{ ENTZHEIM, "2018-02-10", "A", "" }, { ENTZHEIM, "2018-04-01", "F", "2021-04-01" },
			{ ENTZHEIM, "2018-04-02", "F", "2021-04-01" }, { ENTZHEIM, "2018-07-15", "F", "2019-12-31" },
			{ ENTZHEIM, "2018-11-11", "F", "2021-11-10" },
			// Entzheim, cohort 2020 (the first created on 1 January)
			{ ENTZHEIM, "2020-01-01", "A", "" }, { ENTZHEIM, "2020-05-05", "F", "2022-08-31" },
			{ ENTZHEIM, "2020-10-10", "F", "2024-02-01" },
			// Entzheim, cohort 2022: too young on 2025-06-30
			{ ENTZHEIM, "2022-03-03", "A", "" }, { ENTZHEIM, "2022-09-09", "F", "2023-06-30" },
			// Holtzheim
			{ HOLTZHEIM, "2011-05-05", "A", "" }, { HOLTZHEIM, "2014-10-10", "F", "2019-03-03" },
			{ HOLTZHEIM, "2016-12-31", "F", "2023-12-31" }, { HOLTZHEIM, "2017-06-06", "A", "" },
			{ HOLTZHEIM, "2018-01-01", "A", "" }, { HOLTZHEIM, "2018-06-15", "A", "" },
			{ HOLTZHEIM, "2018-12-31", "F", "2020-06-30" }, { HOLTZHEIM, "2020-02-14", "A", "" },
			{ HOLTZHEIM, "2020-03-01", "F", "2023-03-01" }, { HOLTZHEIM, "2020-12-31", "F", "2021-01-01" },
			// Holtzheim: no creation date, never counted in a series
			{ HOLTZHEIM, "", "A", "" },
			// Duppigheim
			{ DUPPIGHEIM, "2010-01-01", "A", "" }, { DUPPIGHEIM, "2012-12-12", "F", "2019-07-07" },
			{ DUPPIGHEIM, "2015-05-15", "F", "2020-02-02" }, { DUPPIGHEIM, "2018-05-05", "F", "2022-01-10" },
			{ DUPPIGHEIM, "2018-08-08", "F", "2018-12-31" }, { DUPPIGHEIM, "2020-07-07", "A", "" },
			{ DUPPIGHEIM, "2009-11-11", "F", "2010-06-06" },
			// abroad (Belgium): never counted
			{ "", "2018-03-03", "F", "2020-09-09" } };

	@TempDir
	static Path folder;

	static StockFigures stock;

	static int exitCode;

	@BeforeAll
	static void runTheNightlyOnAGeneratedStock() throws IOException {
		Path inbox = folder.resolve("inbox");
		copy(SampleExpectations.SAMPLES.resolve("cog-2026"), inbox.resolve("cog-2026"));
		copy(SampleExpectations.SAMPLES.resolve("populations"), inbox.resolve("populations"));
		// the samples' geography restricted to the stock's département: the same
		// figures, without publishing the other 35,000 communes
		SmallInbox.restrictGeography(inbox, Set.of(SmallInbox.DEPARTEMENT));
		Path register = inbox.resolve("sirene/StockEtablissement_utf8_generated.csv");
		Files.createDirectories(register.getParent());
		write(register);
		assertThat(RegisterFileFigures.establishments(register).rejected()).as("rows the staging rejects").isZero();
		stock = StockFigures.read(register.getParent(), inbox.resolve("cog-2026"));
		assertThat(stock.stockDate()).isEqualTo(LocalDate.parse(LAST_TREATMENT.substring(0, 10)));
		exitCode = TerritoireCommand.execute("run", "nightly", "--date", "2026-11-25", "--home",
				folder.resolve("var").toString(), "--inbox", inbox.toString());
	}

	@Test
	void countsClosuresOfEveryYear() throws Exception {
		try (Warehouse warehouse = warehouse()) {
			for (int year = 2010; year <= stock.stockYear(); year++) {
				Counts closures = stock.count(StockFigures.closedIn(year));
				for (Territory territory : territories()) {
					Optional<IndicatorValueRow> row = IndicatorValueRow.find(warehouse, "closures", territory, year);
					long expected = closures.of(territory);
					if (expected > 0) {
						row.orElseThrow(() -> new AssertionError("no closures row for " + territory)).isCount(expected);
					}
					else {
						row.ifPresent((present) -> present.isCount(0));
					}
				}
			}
			// the figures this data was written for
			assertThat(stock.count(StockFigures.closedIn(2021)).of(Territory.commune(ENTZHEIM))).isEqualTo(4);
			assertThat(stock.count(StockFigures.closedIn(2020)).of(Territory.FRANCE)).isEqualTo(3);
		}
	}

	@Test
	void ratesClosuresAgainstEstablishmentsActiveOnFirstJanuary() throws Exception {
		try (Warehouse warehouse = warehouse()) {
			int rated = 0;
			for (int year = 2010; year <= stock.stockYear(); year++) {
				Counts closures = stock.count(StockFigures.closedIn(year));
				Counts active = stock.count(StockFigures.activeOnFirstJanuary(year));
				for (Territory territory : territories()) {
					Optional<IndicatorValueRow> row = IndicatorValueRow.find(warehouse, "closure_rate", territory,
							year);
					if (closures.of(territory) > 0) {
						IndicatorValueRow rate = row
							.orElseThrow(() -> new AssertionError("no closure_rate row for " + territory))
							.isRatio(closures.of(territory), active.of(territory), 100, 2);
						rated++;
						if (territory.level().equals("commune")) {
							comparedWithEpciAndFrance(rate, territory.code(),
									(compared) -> StockFigures.percent(closures.of(compared), active.of(compared)));
						}
					}
					else if (row.isPresent() && active.of(territory) > 0) {
						row.get().isRatio(0, active.of(territory), 100, 2);
					}
				}
			}
			assertThat(rated).isGreaterThan(20);
		}
	}

	@Test
	void measuresThreeYearSurvivalOfTwoCohorts() throws Exception {
		try (Warehouse warehouse = warehouse()) {
			for (int cohort : COHORTS) {
				Counts created = stock.count(StockFigures.createdIn(cohort));
				Counts survived = stock.count(StockFigures.survivedThreeYears(cohort));
				for (Territory territory : territories()) {
					assertThat(created.of(territory)).as(territory + " cohort " + cohort).isPositive();
					IndicatorValueRow rate = IndicatorValueRow.get(warehouse, "survival_3y", territory, cohort)
						.isRatio(survived.of(territory), created.of(territory), 100, 2);
					if (territory.level().equals("commune")) {
						comparedWithEpciAndFrance(rate, territory.code(),
								(compared) -> StockFigures.percent(survived.of(compared), created.of(compared)));
					}
				}
			}
			// the figures this data was written for: the anniversary counts, the day
			// before
			// does not
			assertThat(stock.count(StockFigures.survivedThreeYears(2018)).of(Territory.commune(ENTZHEIM))).isEqualTo(2);
			assertThat(stock.count(StockFigures.createdIn(2018)).of(Territory.commune(ENTZHEIM))).isEqualTo(5);
		}
	}

	@Test
	void givesNoSurvivalToACohortWhoseThirdYearIsNotOver() throws Exception {
		try (Warehouse warehouse = warehouse()) {
			for (int cohort = 2010; cohort <= stock.stockYear(); cohort++) {
				if (!LocalDate.of(cohort + 3, 12, 31).isAfter(stock.stockDate())) {
					continue;
				}
				List<List<String>> measured = warehouse.rows("""
						SELECT level, territory_code, value, status FROM mart.indicator_value
						WHERE indicator_id = 'survival_3y' AND period = %d
						  AND (value IS NOT NULL OR status <> 'not_applicable')""".formatted(cohort));
				assertThat(measured).as("survival_3y rows of cohort " + cohort).isEmpty();
			}
			// there is a cohort 2022 to leave out
			assertThat(stock.count(StockFigures.createdIn(2022)).of(Territory.FRANCE)).isEqualTo(2);
		}
	}

	private static void comparedWithEpciAndFrance(IndicatorValueRow row, String commune,
			java.util.function.ToDoubleFunction<Territory> figure) {
		row.comparedWith("epci", figure.applyAsDouble(stock.of("epci", commune)), 2)
			.comparedWith("france", figure.applyAsDouble(Territory.FRANCE), 2);
	}

	/** The three communes, their two EPCI and France. */
	private static List<Territory> territories() {
		List<Territory> territories = new ArrayList<>();
		COMMUNES.forEach((commune) -> territories.add(Territory.commune(commune)));
		COMMUNES.stream().map((commune) -> stock.of("epci", commune)).distinct().forEach(territories::add);
		territories.add(Territory.FRANCE);
		return territories;
	}

	private static Warehouse warehouse() throws Exception {
		assertThat(exitCode).as("exit code of the nightly on the generated stock").isZero();
		return Warehouse.open(folder.resolve("var/warehouse/current.duckdb"));
	}

	/**
	 * Writes {@link #ROWS} under the header of the bundled Entzheim file, with valid
	 * SIRETs (Luhn on the SIREN and on the whole SIRET).
	 */
	private static void write(Path register) throws IOException {
		List<String> header;
		try (Reader reader = Files.newBufferedReader(
				SampleExpectations.SAMPLES.resolve("sirene/StockEtablissement_utf8_entzheim.csv"),
				StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			header = parser.getHeaderNames();
		}
		try (Writer writer = Files.newBufferedWriter(register, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer,
						CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (int i = 0; i < ROWS.length; i++) {
				String[] spec = ROWS[i];
				Map<String, String> row = new LinkedHashMap<>();
				header.forEach((name) -> row.put(name, ""));
				String siren = withLuhnKey("8" + String.format("%07d", 4_210 + i));
				String nic = withLuhnKeyOf(siren, "0001");
				boolean closed = spec[2].equals("F");
				row.put("siren", siren);
				row.put("nic", nic);
				row.put("siret", siren + nic);
				row.put("statutDiffusionEtablissement", "O");
				row.put("dateCreationEtablissement", spec[1]);
				row.put("dateDernierTraitementEtablissement", LAST_TREATMENT);
				row.put("etablissementSiege", "true");
				row.put("nombrePeriodesEtablissement", closed ? "2" : "1");
				if (spec[0].isEmpty()) {
					row.put("libelleCommuneEtrangerEtablissement", "BRUXELLES");
					row.put("codePaysEtrangerEtablissement", "99131");
					row.put("libellePaysEtrangerEtablissement", "BELGIQUE");
				}
				else {
					row.put("codeCommuneEtablissement", spec[0]);
					row.put("libelleCommuneEtablissement", nameOf(spec[0]));
				}
				row.put("dateDebut", closed ? spec[3] : spec[1]);
				row.put("etatAdministratifEtablissement", spec[2]);
				row.put("activitePrincipaleEtablissement", "62.01Z");
				row.put("nomenclatureActivitePrincipaleEtablissement", "NAFRev2");
				row.put("caractereEmployeurEtablissement", "N");
				assertThat(RegisterFileFigures.siretIsValid(siren + nic)).as(siren + nic).isTrue();
				printer.printRecord(row.values());
			}
		}
	}

	private static String nameOf(String commune) {
		return switch (commune) {
			case ENTZHEIM -> "ENTZHEIM";
			case HOLTZHEIM -> "HOLTZHEIM";
			case DUPPIGHEIM -> "DUPPIGHEIM";
			default -> throw new IllegalArgumentException(commune);
		};
	}

	/** Digits followed by the check digit that makes their Luhn sum a multiple of 10. */
	private static String withLuhnKey(String digits) {
		for (int key = 0; key <= 9; key++) {
			if (luhnSum(digits + key) % 10 == 0) {
				return digits + key;
			}
		}
		throw new IllegalStateException(digits);
	}

	/** A NIC: its first four digits and the key that makes the whole SIRET valid. */
	private static String withLuhnKeyOf(String siren, String nicWithoutKey) {
		return withLuhnKey(siren + nicWithoutKey).substring(siren.length());
	}

	/**
	 * DOMAIN.md §2: from the rightmost digit, every second digit doubled, minus 9 above
	 * 9.
	 */
	private static int luhnSum(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
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
