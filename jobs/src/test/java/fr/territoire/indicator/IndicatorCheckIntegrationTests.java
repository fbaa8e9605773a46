package fr.territoire.indicator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.territoire.check.ConfigurationCheck;
import fr.territoire.config.Problem;
import fr.territoire.support.Launcher;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An indicator whose numerator names no measure is a configuration error found by
 * {@code territoire check} before any data is read, with the file and the line of the
 * numerator key.
 */
class IndicatorCheckIntegrationTests {

	static final String FILE = "warehouse/indicators/unknown_measure_count.yaml";

	static final String MEASURE = "no_such_measure";

	@TempDir
	Path project;

	/** The line of the numerator key in the written file (1-based). */
	int numeratorLine;

	/**
	 * A copy of the shipped configuration with one more indicator: the shipped
	 * {@code active_establishments.yaml} under another id, its numerator a measure that
	 * does not exist.
	 */
	@BeforeEach
	void writeAnIndicatorWithAnUnknownNumerator() throws Exception {
		SampleExpectations.copyConfiguration(this.project);
		List<String> lines = Files
			.readAllLines(this.project.resolve("warehouse/indicators/active_establishments.yaml"));
		StringBuilder written = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.matches("id:\\s*active_establishments\\s*")) {
				line = "id: unknown_measure_count";
			}
			else if (line.matches("numerator:\\s*[a-z_0-9]+\\s*")) {
				line = "numerator: " + MEASURE;
				this.numeratorLine = i + 1;
			}
			written.append(line).append('\n');
		}
		assertThat(this.numeratorLine).as("a line 'numerator: <measure>' in active_establishments.yaml").isPositive();
		assertThat(written.toString()).contains("id: unknown_measure_count");
		Files.writeString(this.project.resolve(FILE), written);
	}

	@Test
	void territoireCheckExitsTwoNamingTheFileAndTheLineOfTheNumerator() throws Exception {
		Launcher.Result check = Launcher.runIn(this.project, "check");
		assertThat(check.exitCode()).as(check.output()).isEqualTo(2);
		assertThat(check.output()).contains(FILE + ":" + this.numeratorLine + ":").contains(MEASURE);
	}

	@Test
	void theCheckReportsOneErrorOnTheNumeratorLine() {
		List<Problem> errors = ConfigurationCheck.run(this.project).stream().filter(Problem::isError).toList();
		assertThat(errors).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo(FILE);
			assertThat(problem.line()).isEqualTo(this.numeratorLine);
			assertThat(problem.message()).contains(MEASURE);
		});
	}

}
