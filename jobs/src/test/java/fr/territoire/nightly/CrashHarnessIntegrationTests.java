package fr.territoire.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SmallInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness (issue 17, Build 6): the nightly is stopped abruptly inside its
 * steps, one process per stop, by the test-only hook {@code TERRITOIRE_TEST_HALT_AT}
 * ({@code job.TestHaltListener}); then the same command finishes the run, and the release
 * and the warehouse are compared with those of an uninterrupted run of the same date on
 * the same inbox.
 * <p>
 * The kill points are read from the job repository of the uninterrupted run, so that a
 * new step is covered without editing this test. Each process resumes where the previous
 * one was stopped and is itself stopped at the end of the next kill point's step, its
 * work done but not yet recorded (SIGKILL-equivalent {@code Runtime.halt}), so that the
 * restart does that step again: one chain of processes, which costs about one nightly
 * plus one start per kill point (each process starts, does the previous kill point's step
 * again and the next step, and is stopped). Every step of the nightly that has something
 * to do is a kill point; of the per-source steps ({@code ingest.<source>},
 * {@code normalise.<source>}: one tasklet per family, 21 sources) of sources absent from
 * the inbox, which read nothing, only the first of each family is one (the same code on
 * the same empty input: 38 kill points instead of 62 on the project's 21 sources, 8 of
 * them in the inbox). {@code -Dterritoire.harness.every-step=false} keeps only the
 * longest of each family of per-source steps, and
 * {@code -Dterritoire.harness.only=history,promote} only those (to try the harness
 * quickly). Two of them are preceded by a SIGTERM at the step's start, which must stop
 * the process and leave a run that resumes. The processes start from a class-data archive
 * ({@code support.FastStart}): most of each one's time is its start.
 * <p>
 * A reader thread polls {@code publish/latest} all along and checks that every file the
 * manifest lists exists with its size.
 * <p>
 * The inbox is the small test inbox ({@link SmallInbox}: the samples restricted to
 * département 67, the partner's workbook left out), the register's stock cut further:
 * what the harness proves (every step stopped and resumed rebuilds the same release and
 * warehouse) does not depend on the samples' figures, and each of its ~60 processes then
 * publishes 500 communes instead of 35,000.
 */
class CrashHarnessIntegrationTests {

	private static final String DATE = "2026-11-20";

	/** Lines of the register's stock kept (the header included), for a short run. */
	private static final int STOCK_LINES = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Columns that measure how long something took, different in every run. */
	private static final Set<String> TIMINGS = Set.of("mart.disclosure_audit.seconds");

	@TempDir
	Path base;

	@Test
	void aRunStoppedInsideEveryStepThenRunAgainBuildsWhatAnUninterruptedRunBuilds() throws Exception {
		long started = System.nanoTime();
		Path inbox = tinyInbox(this.base.resolve("inbox"));
		Path reference = this.base.resolve("reference-home");
		Path referenceTmp = Files.createDirectories(this.base.resolve("reference-tmp"));
		Launcher.Result uninterrupted = Launcher.runWith(tmpdir(referenceTmp), "--home", reference.toString(), "run",
				"nightly", "--date", DATE, "--inbox", inbox.toString());
		assertThat(uninterrupted.exitCode()).as(uninterrupted.output()).isZero();

		List<StepTime> steps = stepsOf(reference);
		assertThat(steps).as("steps of the uninterrupted run").hasSizeGreaterThan(20);
		List<String> haltPoints = haltPoints(steps,
				Boolean.parseBoolean(System.getProperty("territoire.harness.every-step", "true")));
		String only = System.getProperty("territoire.harness.only");
		if (only != null) {
			List<String> wanted = List.of(only.split(","));
			haltPoints = haltPoints.stream().filter((point) -> wanted.contains(point.split(":")[0])).toList();
		}

		Path home = this.base.resolve("crashed-home");
		Path tmp = Files.createDirectories(this.base.resolve("crashed-tmp"));
		LatestReader reader = new LatestReader(home.resolve("publish/latest"));
		Thread polling = new Thread(reader, "latest-reader");
		polling.start();
		try {
			for (String point : haltPoints) {
				Map<String, String> environment = new LinkedHashMap<>(tmpdir(tmp));
				environment.put("TERRITOIRE_TEST_HALT_AT", point);
				Launcher.Result halted = Launcher.runWith(environment, "--home", home.toString(), "run", "nightly",
						"--date", DATE, "--inbox", inbox.toString());
				assertThat(halted.exitCode()).as("exit code of the run stopped at %s:%n%s", point, halted.output())
					.isEqualTo(point.endsWith(":term") ? 143 : 137);
				assertThat(halted.output()).as(point)
					.contains("Test hook territoire.test.halt-at: stopping the process");
			}
			Launcher.Result finished = Launcher.runWith(tmpdir(tmp), "--home", home.toString(), "run", "nightly",
					"--date", DATE, "--inbox", inbox.toString());
			assertThat(finished.exitCode()).as(finished.output()).isZero();
		}
		finally {
			reader.stop();
			polling.join();
		}

		assertThat(reader.problems).as("what a reader of latest saw during the runs").isEmpty();
		assertThat(reader.checkedReleases.get()).as("times the reader found a release to check").isPositive();
		assertSameRelease(reference, home);
		String release = home.resolve("publish/latest").toRealPath().getFileName().toString();
		assertThat(home.resolve("reports/" + release + ".html")).as("the run report, named like its release")
			.isRegularFile();
		assertSameWarehouse(reference, home);
		assertThat(normalisedFiles(home)).as("files of the home (no stray file, no leftover)")
			.isEqualTo(normalisedFiles(reference));
		assertThat(filesIn(tmp)).as("files left in java.io.tmpdir of the runs").isEmpty();
		assertNoLockLeft(home);
		System.out.printf("Crash harness: %d stops (%s), %d s in all%n", haltPoints.size(), haltPoints,
				(System.nanoTime() - started) / 1_000_000_000L);
	}

	/**
	 * The kill points: each step's end but those of the per-source steps that read
	 * nothing after the first of their family, or only the longest step of each family of
	 * per-source steps; a SIGTERM at the start of the first kill point of the ingest
	 * steps and of publish.
	 */
	static List<String> haltPoints(List<StepTime> steps, boolean everyStep) {
		Map<String, StepTime> chosen = new LinkedHashMap<>();
		Map<String, Long> familySizes = new TreeMap<>();
		steps.forEach((step) -> familySizes.merge(prefix(step.name()), 1L, Long::sum));
		for (StepTime step : steps) {
			boolean perSource = step.name().contains(".") && familySizes.get(prefix(step.name())) > 2;
			String family = (!perSource) ? step.name() : (!everyStep) ? prefix(step.name())
					: (step.read() == 0) ? prefix(step.name()) + "<nothing read>" : step.name();
			chosen.merge(family, step, (a, b) -> (!everyStep && b.millis() > a.millis()) ? b : a);
		}
		List<String> points = new ArrayList<>();
		boolean ingestTerm = false;
		for (StepTime step : steps) {
			if (!chosen.containsValue(step)) {
				continue;
			}
			boolean firstIngest = !ingestTerm && step.name().startsWith("ingest.");
			if (firstIngest || step.name().equals("publish")) {
				points.add(step.name() + ":start:term");
				ingestTerm |= firstIngest;
			}
			points.add(step.name() + ":end:kill");
		}
		return points;
	}

	private static String prefix(String step) {
		int dot = step.indexOf('.');
		return (dot < 0) ? step : step.substring(0, dot + 1);
	}

	/**
	 * The small test inbox (one département), with the register's bigger stock cut to its
	 * first lines.
	 */
	private static Path tinyInbox(Path inbox) throws IOException {
		SmallInbox.copyTo(inbox);
		Path stock = inbox.resolve("sirene/StockEtablissement_utf8_entzheim.csv");
		List<String> lines = Files.readAllLines(stock, StandardCharsets.UTF_8);
		Files.write(stock, lines.subList(0, Math.min(STOCK_LINES, lines.size())), StandardCharsets.UTF_8);
		return inbox;
	}

	/**
	 * The runs' temporary folder, and a JIT and collector that start faster: most of each
	 * stopped process's time is its start.
	 */
	private static Map<String, String> tmpdir(Path tmp) {
		return Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
	}

	/**
	 * The steps of the run in the job repository, in order, with their durations and the
	 * rows they read.
	 */
	private static List<StepTime> stepsOf(Path home) throws SQLException {
		String url = "jdbc:h2:file:" + home.resolve("batch/repository") + ";ACCESS_MODE_DATA=r";
		List<StepTime> steps = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT STEP_NAME, DATEDIFF('MILLISECOND', START_TIME, END_TIME), READ_COUNT "
							+ "FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
			while (rows.next()) {
				steps.add(new StepTime(rows.getString(1), rows.getLong(2), rows.getLong(3)));
			}
		}
		return steps;
	}

	private static void assertSameRelease(Path reference, Path home) throws IOException {
		Path expected = reference.resolve("publish/latest").toRealPath();
		Path actual = home.resolve("publish/latest").toRealPath();
		assertThat(filesIn(actual)).as("files of the release").isEqualTo(filesIn(expected));
		for (String folder : List.of("profiles", "assets")) {
			assertThat(sumsOfTree(actual.resolve(folder))).as("every file of %s/, byte for byte", folder)
				.isEqualTo(sumsOfTree(expected.resolve(folder)))
				.isNotEmpty();
		}
		for (String name : filesIn(expected)) {
			if (name.endsWith(".parquet") || name.endsWith(".csv") || name.endsWith(".xlsx")) {
				assertThat(sha256(actual.resolve(name))).as("SHA-256 of %s", name)
					.isEqualTo(sha256(expected.resolve(name)));
			}
		}
		assertThat(withoutIds(actual.resolve("manifest.json"))).as("manifest but for ids and times")
			.isEqualTo(withoutIds(expected.resolve("manifest.json")));
		assertThat(catalogWithoutIdsAndTimes(actual)).as("catalog.jsonld but for ids and times")
			.isEqualTo(catalogWithoutIdsAndTimes(expected));
		assertThat(dataSums(actual)).as("SHA256SUMS but for the manifests, which hold ids and times")
			.isEqualTo(dataSums(expected))
			.isNotEmpty();
	}

	private static List<String> dataSums(Path release) throws IOException {
		return Files.readAllLines(release.resolve("SHA256SUMS"))
			.stream()
			.filter((line) -> !line.endsWith(" manifest.json") && !line.endsWith(" datapackage.json")
					&& !line.endsWith(" catalog.jsonld"))
			.toList();
	}

	/**
	 * The DCAT catalogue of a release without what differs between two runs of the same
	 * data: its release id and its issue times.
	 */
	private static String catalogWithoutIdsAndTimes(Path release) throws IOException {
		JsonNode catalog = JSON.readTree(release.resolve("catalog.jsonld").toFile());
		removeTimes(catalog);
		return catalog.toString().replace(release.getFileName().toString(), "<release>");
	}

	private static void removeTimes(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove(List.of("dct:issued", "dct:modified"));
		}
		for (JsonNode child : node) {
			removeTimes(child);
		}
	}

	private static JsonNode withoutIds(Path manifest) throws IOException {
		ObjectNode node = (ObjectNode) JSON.readTree(manifest.toFile());
		node.remove(List.of("id", "created_at", "job_execution_id"));
		return node;
	}

	/**
	 * Every table's row count and the XOR of its rows' hashes, in every schema but
	 * {@code meta} (which records when files were found and runs started), timing columns
	 * left out.
	 */
	private static void assertSameWarehouse(Path reference, Path home) throws SQLException {
		Map<String, String> expected = tableHashes(reference.resolve("warehouse/current.duckdb"));
		assertThat(expected).as("tables compared").hasSizeGreaterThan(50).containsKey("public.territory");
		assertThat(tableHashes(home.resolve("warehouse/current.duckdb"))).isEqualTo(expected);
	}

	private static Map<String, String> tableHashes(Path warehouse) throws SQLException {
		Map<String, List<String>> columns = new TreeMap<>();
		Map<String, String> hashes = new TreeMap<>();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly());
				Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT table_schema || '.' || table_name, column_name "
					+ "FROM information_schema.columns WHERE table_schema <> 'meta' ORDER BY 1, ordinal_position")) {
				while (rows.next()) {
					if (!TIMINGS.contains(rows.getString(1) + "." + rows.getString(2))) {
						columns.computeIfAbsent(rows.getString(1), (table) -> new ArrayList<>())
							.add('"' + rows.getString(2).replace("\"", "\"\"") + '"');
					}
				}
			}
			for (Map.Entry<String, List<String>> table : columns.entrySet()) {
				try (ResultSet rows = statement.executeQuery("SELECT count(*), coalesce(bit_xor(hash(row("
						+ String.join(", ", table.getValue()) + "))), 0) FROM " + table.getKey())) {
					rows.next();
					hashes.put(table.getKey(),
							rows.getLong(1) + " rows, hash " + Long.toUnsignedString(rows.getLong(2)));
				}
			}
		}
		return hashes;
	}

	private static java.util.Properties readOnly() {
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty("duckdb.read_only", "true");
		return properties;
	}

	/**
	 * The files and links of a home, relative, with each release id and report name
	 * replaced by a placeholder, the log and H2's trace file left out.
	 */
	private static List<String> normalisedFiles(Path home) throws IOException {
		String release = home.resolve("publish/latest").toRealPath().getFileName().toString();
		TreeSet<String> names = new TreeSet<>();
		try (Stream<Path> paths = Files.walk(home)) {
			paths.filter((path) -> !Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))
				.map((path) -> home.relativize(path).toString().replace(release, "<release>"))
				.filter((name) -> !name.startsWith("logs/"))
				.forEach(names::add);
		}
		return new ArrayList<>(names);
	}

	/**
	 * Each file under a folder of the release, by its relative path, with its SHA-256.
	 */
	private static Map<String, String> sumsOfTree(Path folder) throws IOException {
		Map<String, String> sums = new java.util.TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				sums.put(folder.relativize(path).toString(), sha256(path));
			}
		}
		return sums;
	}

	private static List<String> filesIn(Path folder) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	private static void assertNoLockLeft(Path home) throws IOException {
		try (FileChannel channel = FileChannel.open(home.resolve("run.lock"), StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			assertThat(lock).as("the run lock can be taken").isNotNull();
		}
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A step of the uninterrupted run, how long it took and how many rows it read.
	 *
	 * @param name its name
	 * @param millis its duration
	 * @param read the rows it read (0 for a source absent from the inbox)
	 */
	record StepTime(String name, long millis, long read) {
	}

	/**
	 * Polls {@code latest} and checks, each time it leads to a release, that every file
	 * its manifest lists exists with the manifest's size.
	 */
	static final class LatestReader implements Runnable {

		private final Path latest;

		private final AtomicBoolean running = new AtomicBoolean(true);

		final List<String> problems = new CopyOnWriteArrayList<>();

		final AtomicLong checkedReleases = new AtomicLong();

		LatestReader(Path latest) {
			this.latest = latest;
		}

		void stop() {
			this.running.set(false);
		}

		@Override
		public void run() {
			while (this.running.get()) {
				check();
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		private void check() {
			Path release;
			try {
				if (!Files.exists(this.latest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
					return;
				}
				release = this.latest.toRealPath();
			}
			catch (IOException ex) {
				this.problems.add("latest leads nowhere: " + ex);
				return;
			}
			try {
				JsonNode manifest = JSON.readTree(release.resolve("manifest.json").toFile());
				for (JsonNode table : manifest.get("tables")) {
					for (JsonNode file : table.get("files")) {
						Path path = release.resolve(file.get("path").asString());
						if (!Files.exists(path) || Files.size(path) != file.get("bytes").asLong()) {
							this.problems.add(release.getFileName() + ": " + path.getFileName() + " missing or not "
									+ file.get("bytes").asLong() + " bytes");
						}
					}
				}
				this.checkedReleases.incrementAndGet();
			}
			catch (IOException | RuntimeException ex) {
				this.problems.add(release.getFileName() + ": " + ex);
			}
		}

	}

}
