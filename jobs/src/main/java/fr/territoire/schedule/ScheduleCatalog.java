package fr.territoire.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.config.Problem;
import fr.territoire.config.ProjectFolders;

/**
 * The entries of {@code schedules/} ({@code .yaml} or {@code .yml}), by file name.
 *
 * @param entries the entries whose YAML could be read
 * @param schedules the valid ones, validated
 * @param problems what is wrong with the others
 */
public record ScheduleCatalog(List<Definition<ScheduleEntry>> entries, List<Schedule> schedules,
		List<Problem> problems) {

	public ScheduleCatalog {
		entries = List.copyOf(entries);
		schedules = List.copyOf(schedules);
		problems = List.copyOf(problems);
	}

	public static ScheduleCatalog load(Path project) {
		List<Problem> problems = new ArrayList<>();
		List<Definition<ScheduleEntry>> entries = DefinitionFolder.read(project, ProjectFolders.of(project).schedules(),
				ScheduleEntry.class, DefinitionFolder.Kind.YAML, List.of(), problems::add);
		List<Schedule> schedules = new ArrayList<>();
		List<Definition<ScheduleEntry>> readable = new ArrayList<>();
		for (Definition<ScheduleEntry> entry : entries) {
			Schedule.of(entry, problems::add).ifPresent((schedule) -> {
				schedules.add(schedule);
				readable.add(entry);
			});
		}
		return new ScheduleCatalog(readable, schedules, problems);
	}

}
