package fr.territoire.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real public files of {@code ../shared/data} (beside the project), used by tests
 * that need bigger inputs than the bundled samples. Users do not have them; CI does.
 */
public final class SharedData {

	public static final Path FOLDER = Path
		.of(System.getProperty("territoire.shared-data",
				SampleExpectations.PROJECT.resolve("../shared/data").toString()))
		.toAbsolutePath()
		.normalize();

	private SharedData() {
	}

	/**
	 * A file of the shared data; skips the test, naming the missing folder, when absent.
	 */
	public static Path file(String relative) {
		Path file = FOLDER.resolve(relative);
		Assumptions.assumeTrue(Files.isRegularFile(file),
				() -> "skipped: " + file
						+ " is missing; these tests need the real data folder ../shared/data beside the project "
						+ "(or -Dterritoire.shared-data=DIR)");
		return file;
	}

}
