package fr.territoire.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB's answers to the configuration's checks are remembered under the home and read
 * back instead of asking again, and a changed question is asked again.
 */
class DuckDbAnswersTests {

	@TempDir
	Path project;

	@TempDir
	Path answers;

	@Test
	void aSecondLoadReadsTheRememberedAnswersInsteadOfAskingDuckDb() throws IOException {
		SampleExpectations.copyConfiguration(this.project);
		ProjectConfiguration first = ProjectConfiguration.load(this.project, Jobs.NAMES, this.answers);
		assertThat(first.errors()).isEmpty();
		long declarative = first.mappings().mappings().stream().filter((mapping) -> mapping.isDeclarative()).count();
		assertThat(files("staging-check-")).hasSize((int) declarative);
		assertThat(files("parse-")).isNotEmpty();
		assertThat(files("staging-check-")).allSatisfy((file) -> assertThat(Files.readString(file)).isEmpty());

		// an answer changed behind its back is what the next load reports: it did not ask
		for (Path file : files("staging-check-")) {
			Files.writeString(file, "remembered refusal");
		}
		ProjectConfiguration second = ProjectConfiguration.load(this.project, Jobs.NAMES, this.answers);
		assertThat(second.errors()).hasSize((int) declarative)
			.extracting(Problem::message)
			.containsOnly("remembered refusal");
		assertThat(ProjectConfiguration.load(this.project, Jobs.NAMES).errors()).as("without remembered answers")
			.isEmpty();
	}

	@Test
	void aChangedMappingIsAskedAgain() throws IOException {
		SampleExpectations.copyConfiguration(this.project);
		assertThat(ProjectConfiguration.load(this.project, Jobs.NAMES, this.answers).errors()).isEmpty();
		List<Path> before = files("staging-check-");
		Files.writeString(this.project.resolve("mappings/insee_revenus_iris.yaml"), """
				source: insee_revenus_iris
				description: revenus
				files: ["statistics/*.csv"]
				format: csv
				target: {table: stg_insee__revenus_iris}
				columns:
				  - name: IRIS
				    rules: [{pattern: "(?=[0-9])[0-9]{9}"}]
				""");

		ProjectConfiguration changed = ProjectConfiguration.load(this.project, Jobs.NAMES, this.answers);

		assertThat(changed.errors()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("mappings/insee_revenus_iris.yaml");
			assertThat(problem.message()).startsWith("DuckDB refuses the generated staging model:");
		});
		assertThat(files("staging-check-")).hasSize(before.size() + 1).containsAll(before);
	}

	private List<Path> files(String prefix) throws IOException {
		if (!Files.isDirectory(this.answers)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.answers)) {
			return files.filter((file) -> file.getFileName().toString().startsWith(prefix)).sorted().toList();
		}
	}

}
