package fr.territoire.reuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.SmallNightly;
import fr.territoire.support.SmallInbox;
import fr.territoire.support.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nightly whose inputs, configuration and code are those of the last promoted run
 * recomputes nothing: every computing step is skipped with a line saying why, the release
 * is republished under the new id with the same data files (hard links), the warehouse is
 * kept; a changed input recomputes (docs/operations.md). Each test starts from a copy of
 * the finished nightly on the small test inbox ({@link SmallNightly}: département 67, run
 * in the test JVM from the build's classes; every command here runs the packaged jar on
 * that inbox, so the reuse also proves that both have the same code fingerprint): what is
 * tested is the reuse, not the samples' figures, and the changed-input test's full
 * nightly is then a small one.
 */
class UnchangedRerunIntegrationTests {

	private static final String SKIPPED = "skipped: inputs, configuration and code unchanged since release ";

	private static final String WORKBOOK = "populations/ensemble_2025_populations_reference_2022.xlsx";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DATE = SampleNightly.DATE;

	@TempDir
	Path home;

	@TempDir
	Path inbox;

	/**
	 * A copy of the finished nightly on the small inbox ({@link SmallNightly}, run in the
	 * test JVM and shared by this build's test classes).
	 */
	private void copyFinishedHome() throws Exception {
		SmallNightly.copyHomeTo(this.home);
	}

	private static String smallInbox() throws IOException {
		return SmallInbox.folder().toString();
	}

	@Test
	void anUnchangedRerunAndAnotherDateSkipEveryComputingStepAndRepublishTheSameDataFiles() throws Exception {
		copyFinishedHome();
		Path latest = this.home.resolve("publish/latest");
		String first = Files.readSymbolicLink(latest).getFileName().toString();
		Map<String, String> firstSums = sums(this.home.resolve("publish/releases").resolve(first));

		long started = System.nanoTime();
		Launcher.Result rerun = Launcher.run("run", "nightly", "--date", DATE, "--rerun", "--home",
				this.home.toString(), "--inbox", smallInbox());
		long rerunMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(rerun.exitCode()).as(rerun.output()).isZero();
		String second = Files.readSymbolicLink(latest).getFileName().toString();
		assertThat(second).isNotEqualTo(first).startsWith(DATE + "-");
		assertThat(rerun.output()).contains("Reuse: inputs, configuration and code unchanged since release " + first);
		assertThat(count(rerun.output(), SKIPPED + first)).as("computing steps skipped").isEqualTo(computingSteps());
		assertRepublished(first, second, firstSums, DATE);

		started = System.nanoTime();
		Launcher.Result nextDay = Launcher.run("run", "nightly", "--date", "2026-11-24", "--home", this.home.toString(),
				"--inbox", smallInbox());
		long nextDayMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(nextDay.exitCode()).as(nextDay.output()).isZero();
		String third = Files.readSymbolicLink(latest).getFileName().toString();
		assertThat(third).startsWith("2026-11-24-");
		assertThat(count(nextDay.output(), SKIPPED + second)).isEqualTo(computingSteps());
		assertRepublished(second, third, firstSums, "2026-11-24");

		Launcher.Result status = Launcher.run("status", "--home", this.home.toString());
		assertThat(status.output()).contains("SKIPPED (unchanged: reuses release " + second + ")")
			.contains("reuse ")
			.contains("(inputs, configuration and code unchanged since release " + second + ")");
		Launcher.Result sql = Launcher.run("sql", "--home", this.home.toString(), "--format", "CSV",
				"select count(*) as n from public.establishment");
		assertThat(sql.exitCode()).as(sql.output()).isZero();
		assertThat(sql.output()).contains("\n" + records(latest.resolve("establishments.csv")).size());
		assertThat(Files.exists(this.home.resolve("warehouse/next.duckdb"))).isFalse();
		System.out.printf("Unchanged rerun on the small inbox: --rerun %d ms, another date %d ms (whole commands)%n",
				rerunMillis, nextDayMillis);
	}

	@Test
	void aChangedPopulationWorkbookRecomputesAndChangesOnlyWhatDependsOnIt() throws Exception {
		copyFinishedHome();
		SmallInbox.copyTo(this.inbox);
		Change change = addToFirstCommune(this.inbox.resolve(WORKBOOK), 1000);
		Path latest = this.home.resolve("publish/latest");
		String first = Files.readSymbolicLink(latest).getFileName().toString();
		Path before = this.home.resolve("publish/releases").resolve(first);
		String populationBefore = populationValue(before, change.commune());

		long started = System.nanoTime();
		Launcher.Result run = Launcher.run("run", "nightly", "--date", DATE, "--rerun", "--inbox",
				this.inbox.toString(), "--home", this.home.toString());
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output())
			.contains("No reuse: changed since release " + first + ": inputs (insee_population_commune)")
			.doesNotContain(SKIPPED);
		Path after = latest.toRealPath();
		sums(after).forEach((file, sum) -> assertThat(sha256(after.resolve(file))).as(file).isEqualTo(sum));
		for (String unchanged : List.of("establishments.csv", "legal_units.csv", "territories.csv")) {
			assertThat(after.resolve(unchanged)).as(unchanged).hasSameBinaryContentAs(before.resolve(unchanged));
		}
		assertThat(Double.parseDouble(populationValue(after, change.commune())))
			.isEqualTo(Double.parseDouble(populationBefore) + 1000);
		assertThat(after.resolve("indicator_values_commune.csv"))
			.satisfies((file) -> assertThat(Files.mismatch(file, before.resolve("indicator_values_commune.csv")))
				.isNotEqualTo(-1L));
		try (Warehouse warehouse = Warehouse.open(this.home.resolve("warehouse/current.duckdb"))) {
			// every other source's raw table copied from the last warehouse, the changed
			// one read
			assertThat(warehouse.count("SELECT count(*) FROM meta.file_accounting WHERE reused_from_previous_run"))
				.isEqualTo(SmallInbox.files().size() - 1);
			assertThat(warehouse.count("SELECT count(*) FROM meta.file_accounting WHERE NOT reused_from_previous_run "
					+ "AND file = '" + WORKBOOK + "'"))
				.isEqualTo(1);
		}
		System.out.printf("Changed input on the small inbox: whole nightly %d ms (whole command)%n", millis);
	}

	@Test
	void aReuseRunKilledInPublishThenInPromoteResumesAndFinishesWithTheSameFiles() throws Exception {
		copyFinishedHome();
		Path latest = this.home.resolve("publish/latest");
		String first = Files.readSymbolicLink(latest).getFileName().toString();
		Map<String, String> firstSums = sums(this.home.resolve("publish/releases").resolve(first));
		String[] command = { "run", "nightly", "--date", "2026-11-25", "--home", this.home.toString(), "--inbox",
				smallInbox() };

		Launcher.Result killedInPublish = Launcher.runWith(Map.of("TERRITOIRE_TEST_HALT_AT", "publish:end"), command);
		assertThat(killedInPublish.exitCode()).as(killedInPublish.output()).isEqualTo(137);
		assertThat(Files.readSymbolicLink(latest).getFileName().toString()).isEqualTo(first);
		Launcher.Result killedInPromote = Launcher.runWith(Map.of("TERRITOIRE_TEST_HALT_AT", "promote:end"), command);
		assertThat(killedInPromote.exitCode()).as(killedInPromote.output()).isEqualTo(137);
		assertThat(killedInPromote.output()).contains("Step promote started").doesNotContain("Step ingest");
		Launcher.Result resumed = Launcher.run(command);
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();

		String id = Files.readSymbolicLink(latest).getFileName().toString();
		assertThat(id).startsWith("2026-11-25-");
		assertRepublished(first, id, firstSums, "2026-11-25");
		assertThat(Files.exists(this.home.resolve("warehouse/next.duckdb"))).isFalse();
		Launcher.Result sql = Launcher.run("sql", "--home", this.home.toString(), "--format", "CSV",
				"select count(*) as n from public.establishment");
		assertThat(sql.output()).contains("\n" + records(latest.resolve("establishments.csv")).size());
	}

	/**
	 * The new release holds the same files as the old one; its data files are the same
	 * bytes (hard links) as the first release's; SHA256SUMS is true; the manifest names
	 * the new run and the release it reuses.
	 */
	private void assertRepublished(String reused, String id, Map<String, String> firstSums, String runDate)
			throws IOException {
		Path releases = this.home.resolve("publish/releases");
		Path old = releases.resolve(reused);
		Path release = releases.resolve(id);
		assertThat(files(release)).isEqualTo(files(old));
		Map<String, String> sums = sums(release);
		sums.forEach((file, sum) -> assertThat(sha256(release.resolve(file))).as(file).isEqualTo(sum));
		for (Map.Entry<String, String> entry : firstSums.entrySet()) {
			String file = entry.getKey();
			if (file.endsWith(".csv") || file.endsWith(".parquet") || file.endsWith(".xlsx")) {
				assertThat(sums.get(file)).as(file).isEqualTo(entry.getValue());
				assertThat(Files.getAttribute(release.resolve(file), "unix:ino")).as(file + " hard-linked")
					.isEqualTo(Files.getAttribute(old.resolve(file), "unix:ino"));
			}
		}
		JsonNode manifest = JSON.readTree(release.resolve("manifest.json").toFile());
		assertThat(manifest.get("id").asString()).isEqualTo(id);
		assertThat(manifest.get("run_date").asString()).isEqualTo(runDate);
		assertThat(manifest.get("reused_from").asString()).isEqualTo(reused);
		JsonNode changes = JSON.readTree(release.resolve("changes.json").toFile());
		assertThat(changes.get("previous_release").asString()).isEqualTo(reused);
		assertThat(changes.get("datasets")).isEmpty();
		assertThat(Files.readString(release.resolve("index.html"))).contains("<dd id=\"release-id\">" + id + "</dd>")
			.contains("<code>" + reused + "</code> : rien n'a changé");
	}

	/**
	 * The computing steps of the nightly: an ingest and a normalise per mapping, then
	 * geography to disclosure, catalogue and report (all but discover, reuse, publish and
	 * promote).
	 */
	private static int computingSteps() throws IOException {
		try (Stream<Path> files = Files.list(SampleExpectations.PROJECT.resolve("mappings"))) {
			long mappings = files.filter((file) -> file.toString().endsWith(".yaml")).count();
			return (int) (2 * mappings) + 14;
		}
	}

	private static int count(String text, String fragment) {
		Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/** The release's SHA256SUMS, by file. */
	private static Map<String, String> sums(Path release) throws IOException {
		Map<String, String> sums = new LinkedHashMap<>();
		for (String line : Files.readAllLines(release.resolve("SHA256SUMS"))) {
			if (!line.isBlank()) {
				sums.put(line.substring(line.indexOf("  ") + 2), line.substring(0, line.indexOf("  ")));
			}
		}
		return sums;
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile)
				.map((path) -> folder.relativize(path).toString())
				.sorted()
				.toList();
		}
	}

	private static String sha256(Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<CSVRecord> records(Path csv) throws IOException {
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	/** The latest population_municipale of a commune in a release, as written. */
	private static String populationValue(Path release, String commune) throws IOException {
		List<CSVRecord> rows = records(release.resolve("indicator_values_commune.csv")).stream()
			.filter((row) -> row.get("indicator_id").equals("population_municipale")
					&& row.get("territory_code").equals(commune))
			.sorted((a, b) -> b.get("period").compareTo(a.get("period")))
			.toList();
		assertThat(rows).as("population_municipale of " + commune).isNotEmpty();
		return rows.get(0).get("value");
	}

	/**
	 * Adds to the municipal population of the first commune of the workbook's sheet
	 * "Communes" (the row after the header naming "Population municipale").
	 */
	private static Change addToFirstCommune(Path workbook, int added) throws IOException {
		DataFormatter text = new DataFormatter();
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
			Sheet sheet = book.getSheet("Communes");
			int department = -1;
			int commune = -1;
			int population = -1;
			for (Row row : sheet) {
				if (population < 0) {
					for (Cell cell : row) {
						switch (text.formatCellValue(cell).strip()) {
							case "Code département" -> department = cell.getColumnIndex();
							case "Code commune" -> commune = cell.getColumnIndex();
							case "Population municipale" -> population = cell.getColumnIndex();
							default -> {
							}
						}
					}
					continue;
				}
				String code = text.formatCellValue(row.getCell(department)).strip()
						+ text.formatCellValue(row.getCell(commune)).strip();
				Cell cell = row.getCell(population);
				cell.setCellValue(cell.getNumericCellValue() + added);
				try (var out = Files.newOutputStream(workbook)) {
					book.write(out);
				}
				return new Change(code);
			}
		}
		throw new IllegalStateException("no commune in " + workbook);
	}

	private record Change(String commune) {
	}

}
