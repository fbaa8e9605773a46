package fr.territoire.support;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real public files of {@code ../shared/data} (beside the project), used by tests
 * that need bigger inputs than the bundled samples. Users do not have them; CI does.
 * Tests fail with a message naming the missing folder when it is absent.
 */
public final class SharedData {

	public static final Path FOLDER = Path
		.of(System.getProperty("territoire.shared-data",
				SampleExpectations.PROJECT.resolveSibling("shared").resolve("data").toString()))
		.toAbsolutePath()
		.normalize();

	/** The same folder, under the name some tests use. */
	public static final Path ROOT = FOLDER;

	private SharedData() {
	}

	/** A file of the shared data folder, or a failure naming what is missing. */
	public static Path file(String relative) {
		Path file = FOLDER.resolve(relative);
		if (!Files.isRegularFile(file)) {
			fail("this test reads the real file " + file + "; the folder " + FOLDER
					+ " (the shared real-data folder, ../shared/data beside the project) is missing or incomplete; "
					+ "set -Dterritoire.shared-data=DIR to point at it");
		}
		return file;
	}

}
