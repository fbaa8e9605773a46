package fr.territoire.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.territoire.config.Problem;
import fr.territoire.support.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReportSections}: the run report's sections, one per file of
 * {@code warehouse/reports/}, in file name order.
 */
class ReportSectionsTests {

	@TempDir
	Path project;

	@Test
	void shippedSectionsAreTheReportsSectionsInOrder() {
		ReportSections sections = ReportSections.load(SampleExpectations.PROJECT);
		assertThat(sections.problems()).isEmpty();
		assertThat(sections.sections()).extracting((section) -> section.spec().title())
			.containsExactly("Row accounting per file (read = staged + rejected)",
					"Unknown columns (not in the mapping; values kept in raw.<source>__unknown_column)",
					"Rejected rows by rule", "Audits", "COG vintages loaded",
					"COG vintage of each source (declared or detected)",
					"Commune codes not mapped to the target geography", "Left out by harmonisation (totals)",
					"Commune files whose codes had lost their leading zeros (repaired)", "Indicators for France",
					"Statistical secrecy (cells suppressed and information loss)", "Alerts (veille)");
	}

	@Test
	void sectionsFollowFileNamesAndASectionWithoutYamlIsAProblem() throws IOException {
		write("warehouse/reports/20_second.sql", "SELECT 2;");
		write("warehouse/reports/20_second.yaml", "title: Second\n");
		write("warehouse/reports/10_first.sql", "SELECT 1");
		write("warehouse/reports/10_first.yaml", "title: First\n");
		write("warehouse/reports/30_untitled.sql", "SELECT 3");
		ReportSections sections = ReportSections.load(this.project);
		assertThat(sections.sections()).extracting((section) -> section.spec().title() + ": " + section.sql())
			.containsExactly("First: SELECT 1", "Second: SELECT 2");
		assertThat(sections.problems()).extracting(Problem::file, Problem::message)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("warehouse/reports/30_untitled.sql", "has no YAML beside it"));
	}

	private void write(String file, String text) throws IOException {
		Path path = this.project.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

}
