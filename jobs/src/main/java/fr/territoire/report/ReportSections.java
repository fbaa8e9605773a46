package fr.territoire.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.Problem;
import fr.territoire.warehouse.SqlFile;

/**
 * The sections of the run report after its table of steps: one query per file of
 * {@code warehouse/reports/<nn>_<name>.sql}, in file name order, each with a YAML beside
 * it giving its title.
 *
 * @param sections valid sections, in order
 * @param problems what is wrong with the others
 */
public record ReportSections(List<SqlFile<ReportSectionSpec>> sections, List<Problem> problems) {

	public static ReportSections load(Path project) {
		List<Problem> problems = new ArrayList<>();
		List<SqlFile<ReportSectionSpec>> sections = SqlFile.list(project,
				project.resolve("warehouse").resolve("reports"), ReportSectionSpec.class, problems);
		return new ReportSections(sections, List.copyOf(problems));
	}

}
