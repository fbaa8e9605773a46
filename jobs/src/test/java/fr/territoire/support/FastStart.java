package fr.territoire.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How the integration tests start the packaged application quickly: most of a short
 * command's time (and of each stopped process of the crash harness) is the JVM loading
 * and verifying the classes of Spring, Spring Batch, DuckDB's driver… from the nested
 * jars of the Boot jar. Once per jar, the jar is extracted next to it
 * ({@code target/fast-start/app/}, Spring Boot's {@code jarmode=tools extract}: the same
 * classes, as plain jars) and a nightly on the samples (the register's stock cut to 199
 * rows) is run from it with {@code -XX:ArchiveClassesAtExit}, which writes the classes it
 * loaded into a class-data archive ({@code target/fast-start/territoire.jsa}, JDK 17
 * dynamic CDS); every command of the tests then runs the extracted jar with that archive.
 * Measured on the 2-core machine: a run stopped at the start of {@code discover} 6.2 s of
 * CPU from the Boot jar, 3.7 s from the extracted jar and its archive.
 * <p>
 * The archive is rebuilt when the jar changes (its size and time are recorded beside it).
 * {@code -Dterritoire.fast-start=false} runs the Boot jar as it is, as does any failure
 * to build the archive (said on the console). The application is the same code either
 * way: the archive only holds the parsed classes, and the JVM checks that it matches the
 * class path (otherwise it runs without it; its CDS messages are off so that the
 * commands' output stays the application's).
 */
final class FastStart {

	private static final String DATE = "2026-11-20";

	private static List<String> arguments;

	private FastStart() {
	}

	/**
	 * The JVM arguments that run the application, ending with {@code -jar} and the jar.
	 * @param jar the packaged jar
	 */
	static synchronized List<String> jarArguments(Path jar) {
		if (arguments == null) {
			arguments = prepare(jar.toAbsolutePath());
		}
		return arguments;
	}

	private static List<String> prepare(Path jar) {
		List<String> plain = List.of("-jar", jar.toString());
		if (!Boolean.parseBoolean(System.getProperty("territoire.fast-start", "true")) || !Files.isRegularFile(jar)) {
			return plain;
		}
		Path folder = jar.resolveSibling("fast-start");
		Path archive = folder.resolve("territoire.jsa");
		Path extracted = folder.resolve("app/" + jar.getFileName());
		Path stampFile = folder.resolve("jar.stamp");
		// one JVM prepares it, the others (parallel test forks) wait
		try (FileChannel channel = FileChannel.open(jar.resolveSibling("fast-start.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
			if (!Files.isRegularFile(archive) || !Files.isRegularFile(stampFile)
					|| !Files.readString(stampFile).equals(stamp)) {
				long started = System.nanoTime();
				delete(folder);
				Files.createDirectories(folder);
				exec(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
						folder.resolve("app").toString()));
				train(extracted, archive, folder);
				Files.writeString(stampFile, stamp);
				System.out.printf("FastStart: %s extracted and its class-data archive written in %d s%n", jar,
						(System.nanoTime() - started) / 1_000_000_000L);
			}
			return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-jar", extracted.toString());
		}
		catch (IOException | InterruptedException | IllegalStateException ex) {
			System.out.println("FastStart: running the Boot jar as it is (" + ex.getMessage() + ")");
			return plain;
		}
	}

	/**
	 * A nightly on the small test inbox, its stock cut, whose classes the JVM archives at
	 * exit.
	 */
	private static void train(Path extracted, Path archive, Path folder) throws IOException, InterruptedException {
		Path work = Files.createTempDirectory("territoire-fast-start");
		try {
			Path inbox = work.resolve("inbox");
			// the small test inbox: the same code runs as on the samples, in less than
			// half
			// the CPU (a training run on the samples, under load, outlasted the 5 minutes
			// allowed and the tests then ran without the archive)
			SmallInbox.copyTo(inbox);
			Path stock = inbox.resolve("sirene/StockEtablissement_utf8_entzheim.csv");
			List<String> lines = Files.readAllLines(stock, StandardCharsets.UTF_8);
			Files.write(stock, lines.subList(0, Math.min(200, lines.size())), StandardCharsets.UTF_8);
			Path written = folder.resolve("territoire.jsa.new");
			exec(List.of(java(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + written,
					"-Xlog:cds*=off", "-Dterritoire.project-dir=" + SampleExpectations.PROJECT, "-jar",
					extracted.toString(), "--home", work.resolve("home").toString(), "run", "nightly", "--date", DATE,
					"--inbox", inbox.toString()));
			Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			delete(work);
		}
	}

	private static void exec(List<String> command) throws IOException, InterruptedException {
		Path output = Files.createTempFile("territoire-fast-start", ".txt");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end");
			}
			if (process.exitValue() != 0) {
				List<String> lines = Files.readAllLines(output);
				throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
						+ String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(folder)) {
			walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
		}
		for (Path path : paths) {
			Files.deleteIfExists(path);
		}
	}

}
