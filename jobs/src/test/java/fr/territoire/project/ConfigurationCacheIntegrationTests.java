package fr.territoire.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code territoire.configuration-cache}: DuckDB's answers to the configuration's checks
 * go to the folder it names instead of the home, a second home reads them there without
 * writing them again, and without the setting they are under the home, with the same
 * names.
 */
class ConfigurationCacheIntegrationTests {

	private static final String SETTING = "-Dterritoire.configuration-cache=";

	@TempDir
	Path base;

	@Test
	void homesSharingTheFolderReadTheirAnswersThereAndTheDefaultIsUnderTheHome() throws Exception {
		Path shared = this.base.resolve("shared-answers");
		Path first = this.base.resolve("first-home");
		status(first, shared);
		assertThat(first.resolve("cache")).doesNotExist();
		Map<String, FileTime> answers = files(shared);
		assertThat(answers.keySet()).anyMatch((name) -> name.startsWith("staging-check-"))
			.anyMatch((name) -> name.startsWith("parse-"))
			.allMatch((name) -> name.matches("(staging-check|parse)-[0-9a-f]{64}\\.txt"));

		Path second = this.base.resolve("second-home");
		status(second, shared);
		assertThat(second.resolve("cache")).doesNotExist();
		assertThat(files(shared)).as("the answers read, not written again").isEqualTo(answers);

		Path own = this.base.resolve("own-home");
		status(own, null);
		assertThat(files(own.resolve("cache/configuration")).keySet()).isEqualTo(answers.keySet());
	}

	/** {@code territoire status} on a new home, with the setting or without it. */
	private static void status(Path home, Path answers) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				Launcher.command(SampleExpectations.PROJECT, "1g", "--home", home.toString(), "status"));
		command.removeIf((argument) -> argument.startsWith(SETTING));
		if (answers != null) {
			command.add(1, SETTING + answers);
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	/** The files of a folder, by name, with their modification times. */
	private static Map<String, FileTime> files(Path folder) throws IOException {
		Map<String, FileTime> files = new TreeMap<>();
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path path : paths.toList()) {
				files.put(path.getFileName().toString(), Files.getLastModifiedTime(path));
			}
		}
		return files;
	}

}
