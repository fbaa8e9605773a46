package fr.territoire.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionsIn;
import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A stage with its own folder declares it on its definition record: the project's
 * configuration reads it and {@code check} reports its problems, with no loader written
 * and no edit to the configuration.
 */
class DeclaredFoldersTests {

	/** The definition record of a stage, as a new stage would write it. */
	@DefinitionsIn("warehouse/examples")
	record ExampleSpec(String description) {
	}

	@Test
	void readsTheFolderOfAnAnnotatedRecord(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.createDirectories(project.resolve("warehouse/examples"));
		Files.writeString(project.resolve("warehouse/examples/busiest_commune.sql"),
				"SELECT commune_code FROM mart.commune_measure ORDER BY active_establishments DESC LIMIT 1");
		Files.writeString(project.resolve("warehouse/examples/busiest_commune.yml"),
				"description: the commune with the most active establishments");
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).isEmpty();
		assertThat(configuration.warnings()).extracting(Problem::file).noneMatch((file) -> file.contains("examples"));
		assertThat(configuration.definitions(ExampleSpec.class))
			.extracting(Definition::name, Definition::shownAs, Definition::sql)
			.containsExactly(tuple("busiest_commune", "warehouse/examples/busiest_commune.yml",
					"SELECT commune_code FROM mart.commune_measure ORDER BY active_establishments DESC LIMIT 1"));
	}

	@Test
	void reportsTheProblemsOfADeclaredFolder(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.createDirectories(project.resolve("warehouse/examples"));
		Files.writeString(project.resolve("warehouse/examples/undocumented.sql"), "SELECT 1");
		Files.writeString(project.resolve("warehouse/examples/wrong.yaml"), "descripton: misspelt\n");
		Files.writeString(project.resolve("warehouse/examples/wrong.sql"), "SELECT 2");
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).extracting(Problem::file, Problem::line, Problem::message)
			.containsExactly(tuple("warehouse/examples/undocumented.sql", null, "has no YAML beside it"),
					tuple("warehouse/examples/wrong.yaml", 1, "unknown key 'descripton'"));
		assertThat(configuration.definitions(ExampleSpec.class)).isEmpty();
	}

	@Test
	void warnsAboutAWarehouseFolderThatNothingReads(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Files.createDirectories(project.resolve("warehouse/scratch"));
		ProjectConfiguration configuration = ProjectConfiguration.load(project, Jobs.NAMES);
		assertThat(configuration.errors()).isEmpty();
		assertThat(configuration.warnings()).extracting(Problem::file, Problem::message)
			.contains(tuple("warehouse/scratch", "is not read"));
	}

}
