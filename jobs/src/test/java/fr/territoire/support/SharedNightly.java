package fr.territoire.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.territoire.cli.TerritoireCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nightly run once for the integration tests that read its results or go on from its
 * home ({@link SampleNightly} on the samples, {@link SmallNightly} on the small test
 * inbox), in the test JVM. Under Maven ({@code territoire.test.build}: the build's start
 * time) the run is shared by the parallel test JVMs of one build: the first to need it
 * runs it into {@code target/<name>-<build>/} while the others wait on a file lock, then
 * all read it; homes of earlier builds are deleted. Elsewhere (a test run from an IDE) it
 * is run once per JVM into a temporary home deleted when the JVM ends.
 */
final class SharedNightly {

	private final String name;

	private final String date;

	private final InboxSupplier inbox;

	private Path home;

	private int exitCode;

	/**
	 * @param name the folder's prefix under {@code target/}
	 * @param date the run date
	 * @param inbox the inbox, or one returning {@code null} for the samples (no
	 * {@code --inbox})
	 */
	SharedNightly(String name, String date, InboxSupplier inbox) {
		this.name = name;
		this.date = date;
		this.inbox = inbox;
	}

	/** The home of the run; the run must have succeeded. */
	synchronized Path home() throws IOException {
		if (this.home == null) {
			String build = System.getProperty("territoire.test.build", "");
			this.home = build.isBlank() ? runForThisJvm() : runForThisBuild(build);
		}
		assertThat(this.exitCode).as("exit code of the shared nightly %s", this.name).isZero();
		return this.home;
	}

	private Path runForThisJvm() throws IOException {
		Path folder = Files.createTempDirectory("territoire-" + this.name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
		this.exitCode = run(folder);
		return folder;
	}

	/**
	 * The run of this build, shared by its test JVMs: its exit code is written beside the
	 * home once the run has ended, under a lock the other JVMs wait for.
	 */
	private Path runForThisBuild(String build) throws IOException {
		Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
		String prefix = this.name + "-";
		Path folder = target.resolve(prefix + build);
		Path ended = target.resolve(prefix + build + ".exit");
		try (FileChannel channel = FileChannel.open(target.resolve(this.name + ".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (Files.isRegularFile(ended)) {
				this.exitCode = Integer.parseInt(Files.readString(ended).strip());
				return folder;
			}
			try (var earlier = Files.list(target)) {
				earlier.filter((path) -> path.getFileName().toString().startsWith(prefix))
					.forEach(SharedNightly::delete);
			}
			long started = System.nanoTime();
			this.exitCode = run(folder);
			Files.writeString(ended, Integer.toString(this.exitCode));
			System.out.printf("%s: %s run in %d s (exit code %d), shared by this build's test JVMs%n", this.name,
					folder, (System.nanoTime() - started) / 1_000_000_000L, this.exitCode);
			return folder;
		}
	}

	private int run(Path folder) throws IOException {
		List<String> arguments = new ArrayList<>(
				List.of("run", "nightly", "--date", this.date, "--home", folder.toString()));
		Path inboxFolder = this.inbox.get();
		if (inboxFolder != null) {
			arguments.addAll(List.of("--inbox", inboxFolder.toString()));
		}
		return TerritoireCommand.execute(arguments.toArray(String[]::new));
	}

	static void delete(Path folder) {
		try (var paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// nothing to delete
		}
	}

	/** The inbox of the run, found when the run starts. */
	@FunctionalInterface
	interface InboxSupplier {

		Path get() throws IOException;

	}

}
