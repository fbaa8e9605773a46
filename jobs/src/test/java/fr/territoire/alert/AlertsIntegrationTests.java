package fr.territoire.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import fr.territoire.cli.TerritoireCommand;
import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's alerts: on a generated stock of Île-de-France (150,000 establishments drawn
 * for France, those of the 8 départements of Île-de-France kept), and on a copy where the
 * closures of the last 3 complete months in the Métropole du Grand Paris are tripled (the
 * test closes, in the CSV, twice as many of its active establishments as the control
 * closed in those months, with closure dates spread over them), the nightly runs up to
 * its alerts step (the test-only halt hook stops it at the start of {@code public}) and
 * the test reads {@code mart.alert} and {@code mart.alert_test}; the injected run then
 * resumes to its end, and its release, catalogue page, report and
 * {@code territoire alerts} show the alert. The geography is the samples' restricted to
 * Île-de-France ({@link SmallInbox#restrictGeography}).
 */
class AlertsIntegrationTests {

	private static final String EPCI = "200054781";

	private static final String EPCI_NAME = "Métropole du Grand Paris";

	private static final Set<String> ILE_DE_FRANCE = Set.of("75", "77", "78", "91", "92", "93", "94", "95");

	private static final String[] MONTHS = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
			"septembre", "octobre", "novembre", "décembre" };

	private static Path work;

	private static Warehouse control;

	private static Warehouse injected;

	private static int injectedClosures;

	private static int controlClosures;

	private static LocalDate windowStart;

	private static Launcher.Result resumed;

	@BeforeAll
	static void runBothStocks() throws IOException, InterruptedException, SQLException {
		work = Files.createTempDirectory("territoire-alerts");
		Path france = work.resolve("france.csv");
		assertThat(TerritoireCommand.execute("generate", "sirene", "--rows", "150000", "--out", france.toString()))
			.isZero();
		Set<String> members = members(EPCI);
		List<List<String>> rows = new ArrayList<>();
		List<String> header;
		try (Reader reader = Files.newBufferedReader(france)) {
			var parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader);
			header = parser.getHeaderNames();
			for (CSVRecord record : parser) {
				if (ILE_DE_FRANCE.contains(prefix(record.get("codeCommuneEtablissement")))) {
					rows.add(record.toList());
				}
			}
		}
		int commune = header.indexOf("codeCommuneEtablissement");
		int state = header.indexOf("etatAdministratifEtablissement");
		int start = header.indexOf("dateDebut");
		int created = header.indexOf("dateCreationEtablissement");
		int processed = header.indexOf("dateDernierTraitementEtablissement");
		int siret = header.indexOf("siret");
		// the stock's date is the latest date it holds; its last complete month ends the
		// window
		LocalDate stockDate = rows.stream()
			.flatMap((row) -> List.of(row.get(created), row.get(start), left(row.get(processed), 10)).stream())
			.map(AlertsIntegrationTests::date)
			.filter((date) -> date != null)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		LocalDate lastMonth = stockDate.equals(stockDate.with(TemporalAdjusters.lastDayOfMonth()))
				? stockDate.withDayOfMonth(1) : stockDate.withDayOfMonth(1).minusMonths(1);
		windowStart = lastMonth.minusMonths(2);
		LocalDate windowEnd = lastMonth.with(TemporalAdjusters.lastDayOfMonth());
		controlClosures = (int) rows.stream()
			.filter((row) -> members.contains(row.get(commune)) && row.get(state).equals("F"))
			.map((row) -> date(row.get(start)))
			.filter((date) -> date != null && !date.isBefore(windowStart) && !date.isAfter(windowEnd))
			.count();
		write(work.resolve("control"), header, rows);
		// twice the control's closures more: active establishments of the EPCI with a
		// valid
		// SIRET and creation date before the window, closed on days spread over it
		int days = (int) (windowEnd.toEpochDay() - windowStart.toEpochDay() + 1);
		List<List<String>> changed = new ArrayList<>();
		for (List<String> row : rows) {
			LocalDate creation = date(row.get(created));
			if (injectedClosures < 2 * controlClosures && members.contains(row.get(commune))
					&& row.get(state).equals("A") && creation != null && creation.isBefore(windowStart)
					&& luhn(row.get(siret))) {
				row = new ArrayList<>(row);
				row.set(state, "F");
				row.set(start, windowStart.plusDays((injectedClosures * 7L) % days).toString());
				row.set(header.size() - 1, "");
				injectedClosures++;
			}
			changed.add(row);
		}
		write(work.resolve("injected"), header, changed);
		control = run("control");
		injected = run("injected");
		// the injected run resumed to its end: release, catalogue, report
		resumed = Launcher.runIn(SampleExpectations.PROJECT, "run", "nightly", "--home",
				work.resolve("injected-home").toString(), "--inbox", work.resolve("injected").toString(), "--date",
				"2025-12-01");
	}

	@AfterAll
	static void close() throws SQLException, IOException {
		if (control != null) {
			control.close();
		}
		if (injected != null) {
			injected.close();
		}
		try (var paths = Files.walk(work)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	@Test
	void anAlertNamesTheEpciWhoseClosuresWereTripled() throws SQLException {
		assertThat(controlClosures).as("closures of the EPCI in the window of the control").isGreaterThan(30);
		assertThat(injectedClosures).isEqualTo(2 * controlClosures);
		String where = "level = 'epci' AND territory_code = '" + EPCI
				+ "' AND event = 'closure' AND naf_section = '*' AND window_months = 3 AND source = 'register'";
		long before = control.count("SELECT observed FROM mart.alert_test WHERE " + where);
		long after = injected.count("SELECT observed FROM mart.alert_test WHERE " + where);
		assertThat(after - before).as("closures added in the window").isEqualTo(injectedClosures);
		List<List<String>> alert = injected.rows(
				"SELECT alert, direction, severity, observed, expected, ratio, period_start, message FROM mart.alert WHERE "
						+ where);
		assertThat(alert).hasSize(1);
		List<String> row = alert.get(0);
		assertThat(row.subList(0, 4)).containsExactly("establishment_flow_above_expected", "rise", "high",
				String.valueOf(after));
		double expected = Double.parseDouble(row.get(4));
		LocalDate end = windowStart.plusMonths(2);
		String months = MONTHS[windowStart.getMonthValue() - 1]
				+ ((windowStart.getYear() != end.getYear()) ? " " + windowStart.getYear() : "") + " à "
				+ MONTHS[end.getMonthValue() - 1] + " " + end.getYear();
		assertThat(row.get(7)).isEqualTo("Fermetures des 3 derniers mois (" + months + ") dans " + EPCI_NAME + " : "
				+ after + " contre " + Math.round(expected) + " attendues (× "
				+ String.format(Locale.ROOT, "%.1f", Double.parseDouble(row.get(5))).replace('.', ',') + ")");
		System.out.printf(Locale.ROOT, "Injected stock: %s%n", row.get(7));
	}

	@Test
	void noAlertNamesAnEpciOnTheControlStock() throws SQLException {
		assertThat(control.rows("SELECT message FROM mart.alert WHERE level = 'epci'")).isEmpty();
		long tests = control.count("SELECT count(*) FROM mart.alert_test");
		long alerts = control.count("SELECT count(*) FROM mart.alert");
		long epciTests = control.count("SELECT count(*) FROM mart.alert_test WHERE level = 'epci'");
		assertThat(epciTests).as("EPCI series tested on the control").isGreaterThan(10);
		System.out.printf(Locale.ROOT,
				"False-alert rate on the control stock: %d alerts / %d territory-windows tested = %.4f "
						+ "(%d EPCI series tested); tails <= 1e-3: %d%n",
				alerts, tests, (double) alerts / tests, epciTests,
				control.count("SELECT count(*) FROM mart.alert_test WHERE tail_probability <= 1e-3"));
		assertThat((double) alerts / tests).as("false-alert rate").isLessThan(0.01);
	}

	@Test
	void theReleaseItsCatalogueTheReportAndTheCommandLineShowTheAlert()
			throws IOException, InterruptedException, SQLException {
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		String message = injected.text("SELECT message FROM mart.alert WHERE level = 'epci' AND territory_code = '"
				+ EPCI + "' AND event = 'closure' AND naf_section = '*' AND window_months = 3");
		Path home = work.resolve("injected-home");
		Path release = home.resolve("publish/latest");
		List<CSVRecord> published;
		try (Reader reader = Files.newBufferedReader(release.resolve("alerts.csv"))) {
			published = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).getRecords();
		}
		assertThat(published).hasSize((int) injected.count("SELECT count(*) FROM mart.alert"));
		assertThat(published).filteredOn((row) -> row.get("territory_code").equals(EPCI))
			.extracting((row) -> row.get("message"))
			.contains(message);
		assertThat(Files.readString(release.resolve("alerts.html"))).contains(message);
		assertThat(Files.readString(release.resolve("index.html"))).contains("href=\"alerts.html\"");
		try (var reports = Files.list(home.resolve("reports"))) {
			Path report = reports.filter((path) -> path.toString().endsWith(".html")).findFirst().orElseThrow();
			assertThat(Files.readString(report)).contains("Alerts (veille)", message);
		}
		var cli = Launcher.runIn(SampleExpectations.PROJECT, "alerts", "--json", "--level", "high", "--home",
				home.toString());
		assertThat(cli.exitCode()).isZero();
		JsonNode alerts = JsonMapper.builder().build().readTree(cli.output().substring(cli.output().indexOf('[')));
		List<String> messages = new ArrayList<>();
		alerts.forEach((alert) -> messages.add(alert.get("message").asString()));
		assertThat(messages).contains(message);
	}

	private static Warehouse run(String name) throws IOException, InterruptedException, SQLException {
		Path inbox = work.resolve(name);
		copy(geography().resolve("cog-2026"), inbox.resolve("cog-2026"));
		copy(geography().resolve("populations"), inbox.resolve("populations"));
		Path home = work.resolve(name + "-home");
		var result = Launcher.runWith(Map.of("TERRITOIRE_TEST_HALT_AT", "public:start"), "run", "nightly", "--home",
				home.toString(), "--inbox", inbox.toString(), "--date", "2025-12-01");
		assertThat(result.output()).contains("stopping the process at the start of step public");
		// a copy, so that the run can resume on the original
		Path copy = work.resolve(name + "-alerts.duckdb");
		Files.copy(home.resolve("warehouse/next.duckdb"), copy);
		Path wal = home.resolve("warehouse/next.duckdb.wal");
		if (Files.exists(wal)) {
			Files.copy(wal, work.resolve(name + "-alerts.duckdb.wal"));
		}
		return Warehouse.open(copy);
	}

	/**
	 * The samples' COG 2026 and populations restricted to Île-de-France, built once: the
	 * stock has no establishment elsewhere, and an alert compares a territory with its
	 * own past and the country's season, the sum of the régions (here Île-de-France's
	 * either way), so the other 34,000 communes only made the runs longer.
	 */
	private static Path geography() throws IOException {
		Path geography = work.resolve("geography");
		if (!Files.isDirectory(geography)) {
			copy(SampleExpectations.SAMPLES.resolve("cog-2026"), geography.resolve("cog-2026"));
			copy(SampleExpectations.SAMPLES.resolve("populations"), geography.resolve("populations"));
			SmallInbox.restrictGeography(geography, ILE_DE_FRANCE);
		}
		return geography;
	}

	private static void write(Path inbox, List<String> header, List<List<String>> rows) throws IOException {
		Files.createDirectories(inbox.resolve("sirene"));
		try (Writer writer = Files.newBufferedWriter(inbox.resolve("sirene/StockEtablissement_utf8.csv"));
				CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(writer)) {
			printer.printRecord(header);
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
		}
	}

	private static Set<String> members(String epci) throws IOException {
		try (InputStream in = new GZIPInputStream(
				Files.newInputStream(SampleExpectations.SAMPLES.resolve("cog-2026/epci.json.gz")))) {
			for (JsonNode node : JsonMapper.builder().build().readTree(in)) {
				if (node.get("code").asString().equals(epci)) {
					Set<String> codes = new HashSet<>();
					node.get("membres").forEach((member) -> codes.add(member.get("code").asString()));
					return codes;
				}
			}
		}
		throw new IllegalStateException("no EPCI " + epci);
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (var files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	private static String prefix(String commune) {
		return (commune.length() >= 2) ? commune.substring(0, 2) : "";
	}

	private static String left(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	private static LocalDate date(String text) {
		try {
			return text.isEmpty() ? null : LocalDate.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean luhn(String digits) {
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
		return digits.length() == 14 && sum % 10 == 0;
	}

}
