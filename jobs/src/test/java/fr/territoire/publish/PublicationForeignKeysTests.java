package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.territoire.config.Problem;
import fr.territoire.nightly.Jobs;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code publish.yaml}'s foreign keys name published tables: {@code territoire check}
 * says which one does not.
 */
class PublicationForeignKeysTests {

	@Test
	void theProjectsPublicationHasNoProblem() {
		assertThat(ProjectConfiguration.load(SampleExpectations.PROJECT, Jobs.NAMES).errors()).isEmpty();
	}

	@Test
	void reportsAForeignKeyToATableThatIsNotPublished(@TempDir Path project) throws IOException {
		SampleExpectations.copyConfiguration(project);
		Path yaml = project.resolve("warehouse/publish.yaml");
		Files.writeString(yaml,
				Files.readString(yaml)
					.replace("{fields: [indicator_id], table: indicators, references: [indicator_id]}",
							"{fields: [indicator_id], table: indicator_definitions, references: [indicator_id]}"));
		assertThat(ProjectConfiguration.load(project, Jobs.NAMES).errors())
			.extracting(Problem::file, Problem::message, Problem::isError)
			.contains(tuple("warehouse/publish.yaml",
					"table secrecy_summary has a foreign key to indicator_definitions, which is not a published table",
					true));
	}

}
