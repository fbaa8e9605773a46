package fr.territoire.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Comparator;

import fr.territoire.cli.TerritoireCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One nightly on the bundled samples, run once for the integration tests that only read
 * its results. Under Maven ({@code territoire.test.build}: the build's start time) the
 * run is shared by the parallel test JVMs of one build: the first to need it runs it into
 * {@code target/sample-nightly-<build>/} while the others wait on a file lock, then all
 * read it; homes of earlier builds are deleted. Elsewhere (a test run from an IDE) it is
 * run once per JVM into a temporary home deleted when the JVM ends.
 */
public final class SampleNightly {

	public static final String DATE = "2026-11-23";

	private static Path home;

	private static int exitCode;

	private SampleNightly() {
	}

	/** The warehouse of the run, opened read-only; the run must have succeeded. */
	public static Warehouse warehouse() throws IOException, SQLException {
		Path run = run();
		assertThat(exitCode).as("exit code of the nightly on the samples").isZero();
		return Warehouse.open(run.resolve("warehouse/current.duckdb"));
	}

	/** The run's release (publish/latest); the run must have succeeded. */
	public static Path release() throws IOException {
		Path run = run();
		assertThat(exitCode).as("exit code of the nightly on the samples").isZero();
		return run.resolve("publish/latest");
	}

	/** The home of the run (its reports, logs…); the run must have succeeded. */
	public static Path home() throws IOException {
		Path run = run();
		assertThat(exitCode).as("exit code of the nightly on the samples").isZero();
		return run;
	}

	/**
	 * A copy of the run's home into an empty or missing folder, for a test that goes on
	 * from a finished nightly on the samples (of {@link #DATE}, no {@code --inbox})
	 * instead of running its own: the warehouse, the release and {@code latest} (a
	 * relative link), the job repository, the reports; not the log, which names the
	 * original home. The home holds no other absolute path. The run must have succeeded.
	 * @param target the home to create
	 * @return the target
	 */
	public static Path copyHomeTo(Path target) throws IOException {
		return copyHome(home(), target);
	}

	/**
	 * A copy of a finished run's home (any, e.g. a run on the small test inbox) into an
	 * empty or missing folder, as {@link #copyHomeTo(Path)} does.
	 * @param source the home to copy
	 * @param target the home to create
	 * @return the target
	 */
	public static Path copyHome(Path source, Path target) throws IOException {
		try (var paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				String relative = source.relativize(path).toString();
				if (relative.equals("logs") || relative.startsWith("logs/")) {
					continue;
				}
				Path copy = target.resolve(relative);
				if (Files.isSymbolicLink(path)) {
					Files.createSymbolicLink(copy, Files.readSymbolicLink(path));
				}
				else if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		return target;
	}

	private static synchronized Path run() throws IOException {
		if (home == null) {
			String build = System.getProperty("territoire.test.build", "");
			home = build.isBlank() ? runForThisJvm() : runForThisBuild(build);
		}
		return home;
	}

	private static Path runForThisJvm() throws IOException {
		Path folder = Files.createTempDirectory("territoire-indicators");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
		exitCode = TerritoireCommand.execute("run", "nightly", "--date", DATE, "--home", folder.toString());
		return folder;
	}

	/**
	 * The run of this build, shared by its test JVMs: its exit code is written beside the
	 * home once the run has ended, under a lock the other JVMs wait for.
	 */
	private static Path runForThisBuild(String build) throws IOException {
		Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
		Path folder = target.resolve("sample-nightly-" + build);
		Path ended = target.resolve("sample-nightly-" + build + ".exit");
		try (FileChannel channel = FileChannel.open(target.resolve("sample-nightly.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (Files.isRegularFile(ended)) {
				exitCode = Integer.parseInt(Files.readString(ended).strip());
				return folder;
			}
			try (var earlier = Files.list(target)) {
				earlier.filter((path) -> path.getFileName().toString().startsWith("sample-nightly-"))
					.forEach(SampleNightly::delete);
			}
			long started = System.nanoTime();
			exitCode = TerritoireCommand.execute("run", "nightly", "--date", DATE, "--home", folder.toString());
			Files.writeString(ended, Integer.toString(exitCode));
			System.out.printf("SampleNightly: %s run in %d s (exit code %d), shared by this build's test JVMs%n",
					folder, (System.nanoTime() - started) / 1_000_000_000L, exitCode);
			return folder;
		}
	}

	private static void delete(Path folder) {
		try (var paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder left behind
		}
	}

}
