package fr.territoire.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import fr.territoire.support.HeadlessChromium;
import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.SharedData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run report a team lead reads in the morning: for the nightly on the samples, its
 * verdict, steps (absent sources folded), exact counts in French number formats and
 * charts that render in a real browser; for a failed run, the failing step, its message,
 * what to do and its rejected rows.
 */
class RunReportIntegrationTests {

	@Test
	void theReportOfTheSampleNightlyShowsTheVerdictExactCountsAndRenderedCharts() throws Exception {
		Path home = SampleNightly.home();
		Path report = onlyReport(home.resolve("reports"));
		assertThat(home.resolve("reports/assets/echarts.min.js")).isRegularFile();
		long entzheim = csvRecords(SampleExpectations.SAMPLES.resolve(SampleExpectations.SIRENE_FILES.get(0)));
		long national = csvRecords(SampleExpectations.SAMPLES.resolve(SampleExpectations.SIRENE_FILES.get(1)));
		Set<String> absent = absentSources(SampleExpectations.PROJECT.resolve("mappings"), SampleExpectations.SAMPLES);
		String release = home.resolve("publish/latest").toRealPath().getFileName().toString();
		try (HeadlessChromium chrome = HeadlessChromium.start()) {
			WebDriver driver = chrome.driver();
			driver.get(report.toUri().toString());
			assertThat(text(driver, "status")).isEqualTo("COMPLETED");
			assertThat(text(driver, "release")).isEqualTo(release);
			assertThat(text(driver, "promoted")).startsWith("yes");
			assertThat(text(driver, "start")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+");
			assertThat(text(driver, "end")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+");
			assertThat(driver.findElements(By.id("failure"))).isEmpty();

			Map<String, List<String>> steps = rows(driver.findElement(By.id("steps")));
			assertThat(steps.get("ingest.sirene_etablissement").subList(0, 3)).containsExactly("COMPLETED",
					steps.get("ingest.sirene_etablissement").get(1), french(entzheim + national));
			assertThat(steps.get("report").get(0)).isEqualTo("COMPLETED");
			assertThat(steps.get("promote").get(0)).isEqualTo("COMPLETED");
			String folded = (2 * absent.size()) + " steps of " + absent.size() + " sources absent from the inbox: "
					+ String.join(", ", absent);
			assertThat(steps).containsKey(folded);
			assertThat(steps.get(folded)).containsExactly("COMPLETED", steps.get(folded).get(1), "0", "0", "0");
			absent.forEach((source) -> assertThat(steps).doesNotContainKeys("ingest." + source, "normalise." + source));

			Map<String, List<String>> files = rows(driver.findElement(By.cssSelector("table[data-section='1']")));
			assertThat(files.get("sirene_etablissement")).isNotNull();
			List<List<String>> sirene = cells(driver.findElement(By.cssSelector("table[data-section='1']"))).stream()
				.filter((row) -> row.get(0).equals("sirene_etablissement"))
				.toList();
			assertThat(sirene).extracting((row) -> row.subList(1, 5))
				.containsExactly(
						List.of(SampleExpectations.SIRENE_FILES.get(0), french(entzheim), french(entzheim), "0"),
						List.of(SampleExpectations.SIRENE_FILES.get(1), french(national), french(national), "0"));
			for (WebElement number : driver.findElements(By.cssSelector("td.n"))) {
				assertThat(number.getText()).doesNotContainPattern("\\d[.,]\\d+E-?\\d").doesNotContainPattern("\\.0$");
			}
			JavascriptExecutor script = (JavascriptExecutor) driver;
			for (String chart : List.of("chart-durations", "chart-rows")) {
				WebElement canvas = driver.findElement(By.cssSelector("#" + chart + " canvas"));
				assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(100);
				assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(100);
				Object painted = script.executeScript("var c = document.querySelector('#' + arguments[0] + ' canvas');"
						+ "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
						+ "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;", chart);
				assertThat(((Number) painted).longValue()).as("painted pixels of " + chart).isGreaterThan(1000);
			}
			Object durations = script.executeScript("return echarts.getInstanceByDom(document.getElementById("
					+ "'chart-durations')).getOption().series.map(function (s) { return s.name; });");
			assertThat(((List<?>) durations).stream().map(String::valueOf).toList()).contains("discover", "ingest",
					"normalise", "report", "promote");
			Object sireneRows = script.executeScript("var s = echarts.getInstanceByDom(document.getElementById("
					+ "'chart-rows')).getOption().series.filter(function (s) { return s.name === "
					+ "'sirene_etablissement'; })[0]; return s.data[s.data.length - 1];");
			assertThat(((Number) sireneRows).longValue()).isEqualTo(entzheim + national);
		}
	}

	@Test
	void aFailedRunWritesAReportWithTheFailingStepWhatToDoAndItsRejectedRowsLogsItsProgressAndNotifies(
			@TempDir Path home, @TempDir Path inbox, @TempDir Path notified) throws Exception {
		SampleExpectations.copySamples(inbox);
		Path comparateur = inbox.resolve("statistics/insee/base_cc_comparateur_EXTRACT_transcribed.csv");
		Files.createDirectories(comparateur.getParent());
		List<String> lines = new ArrayList<>(Files.readAllLines(SharedData
			.file("statistics/watashi-clara-outil-decisionel/base_cc_comparateur_EXTRACT_transcribed.csv")));
		int rows = lines.size() - 1;
		lines.add(lines.get(1).replaceFirst("^01001;859;", "01020;abc;"));
		lines.add(lines.get(2).replaceFirst("^01002;273;", "01021;27 3;"));
		Files.write(comparateur, lines);
		Path notification = notified.resolve("notification.txt");
		Launcher.Result run = Launcher.runWith(
				Map.of("TERRITOIRE_PROGRESS_LOGEVERY", "1s", "TERRITOIRE_NOTIFY_COMMAND",
						"echo \"$TERRITOIRE_STATUS $TERRITOIRE_REPORT\" > " + notification),
				"run", "nightly", "--date", "2026-11-25", "--home", home.toString(), "--inbox", inbox.toString());
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		Path report = onlyReport(home.resolve("reports"));
		assertThat(run.output()).contains("Its report: " + report)
			.contains("territoire rejects --home " + home)
			.doesNotContain("SELECT * FROM quality.rejected_row");
		// without a terminal, progress is a log line (every second here), naming the run
		// and the step
		assertThat(run.output())
			.containsPattern("INFO  \\[run 1 ([a-z_.]+)\\] RunStateTracker - Progress: step \\1 running for \\d+s");
		assertThat(Files.readString(home.resolve("logs/territoire.log")))
			.contains("run=1 step=normalise.insee_comparateur ");
		assertThat(Files.readString(notification)).isEqualTo("FAILED " + report + "\n");
		try (HeadlessChromium chrome = HeadlessChromium.start()) {
			WebDriver driver = chrome.driver();
			driver.get(report.toUri().toString());
			assertThat(text(driver, "status")).isEqualTo("FAILED");
			assertThat(text(driver, "promoted")).startsWith("no");
			assertThat(text(driver, "release")).isEqualTo("none");
			assertThat(text(driver, "failing-step")).isEqualTo("normalise.insee_comparateur");
			assertThat(text(driver, "failure-message"))
				.startsWith("[REJECT_RATE_EXCEEDED] mappings/insee_comparateur.yaml: 2 of "
						+ french(rows + 2).replace('\u00a0', ' ').replace(" ", "") + " rows rejected");
			assertThat(text(driver, "failure-hint")).contains("territoire rejects --source <source>");
			Map<String, List<String>> steps = rows(driver.findElement(By.id("steps")));
			assertThat(steps.get("normalise.insee_comparateur").get(0)).isEqualTo("FAILED");
			assertThat(steps).doesNotContainKeys("report", "promote");
			List<List<String>> rejected = cells(driver.findElement(By.cssSelector("table[data-section='3']")));
			assertThat(rejected).hasSize(1);
			// source, rule, column, rows, sample file, record, value, message
			assertThat(rejected.get(0).get(0)).isEqualTo("insee_comparateur");
			assertThat(rejected.get(0).get(3)).isEqualTo("2");
			assertThat(rejected.get(0).get(4))
				.isEqualTo("statistics/insee/base_cc_comparateur_EXTRACT_transcribed.csv");
			assertThat(rejected.get(0).get(6)).isEqualTo("abc");
		}
		Launcher.Result rejects = Launcher.run("rejects", "--home", home.toString(), "--format", "csv");
		assertThat(rejects.exitCode()).as(rejects.output()).isZero();
		List<String> printed = rejects.output()
			.lines()
			.filter((line) -> line.startsWith("insee_comparateur,"))
			.toList();
		assertThat(printed).hasSize(2);
		assertThat(printed.get(0)).contains(",abc,");
		assertThat(printed.get(1)).contains(",27 3,");
	}

	private static Path onlyReport(Path reports) throws IOException {
		try (Stream<Path> files = Files.list(reports)) {
			List<Path> html = files.filter((file) -> file.toString().endsWith(".html")).toList();
			assertThat(html).hasSize(1);
			return html.get(0);
		}
	}

	/** A count as the report prints it: grouped by three with a no-break space. */
	private static String french(long count) {
		return String.format(Locale.ROOT, "%,d", count).replace(',', ' ');
	}

	private static String text(WebDriver driver, String id) {
		return normalise(driver.findElement(By.id(id)).getText());
	}

	private static String normalise(String text) {
		return text.replace('\u00a0', ' ').strip();
	}

	/** Rows of a table by their first cell, the other cells in order. */
	private static Map<String, List<String>> rows(WebElement table) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (List<String> row : cells(table)) {
			rows.putIfAbsent(row.get(0), row.subList(1, row.size()));
		}
		return rows;
	}

	private static List<List<String>> cells(WebElement table) {
		List<List<String>> rows = new ArrayList<>();
		for (WebElement row : table.findElements(By.tagName("tr"))) {
			List<String> cells = row.findElements(By.tagName("td"))
				.stream()
				.map((cell) -> normalise(cell.getText()))
				.toList();
			if (!cells.isEmpty()) {
				rows.add(cells);
			}
		}
		return rows;
	}

	private static long csvRecords(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			return parser.stream().count();
		}
	}

	/**
	 * Sources of the mappings none of whose files is among the samples: the mapping's
	 * {@code source} and {@code files} globs, read with Jackson's YAML reader.
	 */
	private static Set<String> absentSources(Path mappings, Path samples) throws IOException {
		Set<String> absent = new TreeSet<>();
		var yaml = new tools.jackson.dataformat.yaml.YAMLMapper();
		List<Path> sampleFiles;
		try (Stream<Path> all = Files.walk(samples)) {
			sampleFiles = all.filter(Files::isRegularFile).map(samples::relativize).toList();
		}
		try (Stream<Path> files = Files.list(mappings)) {
			for (Path mapping : files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList()) {
				var tree = yaml.readTree(mapping.toFile());
				List<String> globs = new ArrayList<>();
				tree.path("files").forEach((glob) -> globs.add(glob.asString()));
				boolean present = sampleFiles.stream()
					.anyMatch((file) -> globs.stream()
						.anyMatch((glob) -> samples.getFileSystem().getPathMatcher("glob:" + glob).matches(file)));
				if (!present) {
					absent.add(tree.path("source").asString());
				}
			}
		}
		return absent;
	}

}
