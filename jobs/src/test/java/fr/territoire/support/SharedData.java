package fr.territoire.support;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real public files of {@code ../shared/data} (next to the project), used by tests
 * that need more than the bundled samples. Tests fail with a message naming the missing
 * folder when it is absent.
 */
public final class SharedData {

	public static final Path ROOT = Path.of(System.getProperty("territoire.shared-data",
			SampleExpectations.PROJECT.resolveSibling("shared").resolve("data").toString()));

	private SharedData() {
	}

	/** A file of the shared data folder, or a failure naming what is missing. */
	public static Path file(String relative) {
		Path file = ROOT.resolve(relative);
		if (!Files.isRegularFile(file)) {
			fail("this test reads the real file " + file + "; the folder " + ROOT
					+ " (the shared real-data folder, ../shared/data beside the project) is missing or incomplete; "
					+ "set -Dterritoire.shared-data=DIR to point at it");
		}
		return file;
	}

}
