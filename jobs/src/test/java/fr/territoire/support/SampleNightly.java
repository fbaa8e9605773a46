package fr.territoire.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * One nightly on the bundled samples, run once for the integration tests that only read
 * its results ({@link SharedNightly}: once per build under Maven, into
 * {@code target/sample-nightly-<build>/}).
 */
public final class SampleNightly {

	public static final String DATE = "2026-11-23";

	private static final SharedNightly NIGHTLY = new SharedNightly("sample-nightly", DATE, () -> null);

	private SampleNightly() {
	}

	/** The warehouse of the run, opened read-only; the run must have succeeded. */
	public static Warehouse warehouse() throws IOException, SQLException {
		return Warehouse.open(run().resolve("warehouse/current.duckdb"));
	}

	/** The run's release (publish/latest); the run must have succeeded. */
	public static Path release() throws IOException {
		return run().resolve("publish/latest");
	}

	/** The home of the run (its reports, logs…); the run must have succeeded. */
	public static Path home() throws IOException {
		return run();
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

	private static Path run() throws IOException {
		return NIGHTLY.home();
	}

}
