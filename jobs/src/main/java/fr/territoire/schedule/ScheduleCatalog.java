package fr.territoire.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.ProjectFolders;
import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.config.Problem;

/**
 * The entries of {@code schedules/} ({@code .yaml} or {@code .yml}), by file name.
 *
 * @param entries the valid entries
 * @param problems what is wrong with the others
 */
public record ScheduleCatalog(List<Definition<ScheduleEntry>> entries, List<Problem> problems) {

	public static ScheduleCatalog load(Path project) {
		List<Problem> problems = new ArrayList<>();
		List<Definition<ScheduleEntry>> entries = DefinitionFolder.read(project, ProjectFolders.of(project).schedules(),
				ScheduleEntry.class, DefinitionFolder.Kind.YAML, List.of(), problems::add);
		return new ScheduleCatalog(List.copyOf(entries), List.copyOf(problems));
	}

}
