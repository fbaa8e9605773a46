package fr.territoire.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.territoire.config.Problem;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HistoryStatements}: the statements of {@code warehouse/history/} the history
 * step runs by name.
 */
class HistoryStatementsTests {

	@TempDir
	Path project;

	@Test
	void shippedStatementsAreComplete() {
		HistoryStatements statements = HistoryStatements.load(SampleExpectations.PROJECT);
		assertThat(statements.problems()).isEmpty();
		assertThat(statements.statements()).containsOnlyKeys(HistoryStatements.NAMES);
	}

	@Test
	void missingAndUnknownStatementsAreProblems() throws IOException {
		Path folder = this.project.resolve("warehouse/history");
		Files.createDirectories(folder);
		for (String name : HistoryStatements.NAMES) {
			if (!name.equals("record_stock")) {
				Files.writeString(folder.resolve(name + ".sql"), "SELECT 1");
				Files.writeString(folder.resolve(name + ".yaml"), "description: d\nruns: r\n");
			}
		}
		Files.writeString(folder.resolve("extra.sql"), "SELECT 1");
		Files.writeString(folder.resolve("extra.yaml"), "description: d\nruns: r\n");
		assertThat(HistoryStatements.load(this.project).problems()).extracting(Problem::file, Problem::message)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("warehouse/history/extra.sql",
							"the history step runs no statement named extra"),
					org.assertj.core.groups.Tuple.tuple("warehouse/history/record_stock.sql",
							"the history step needs this statement"));
	}

}
