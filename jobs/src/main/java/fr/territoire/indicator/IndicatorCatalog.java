package fr.territoire.indicator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.territoire.config.ProjectFolders;
import fr.territoire.config.Problem;
import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;

/**
 * The indicator definitions of {@code warehouse/indicators/<id>.yaml}.
 *
 * @param indicators definitions read (checked against the measures by
 * {@link IndicatorChecks})
 * @param files the file each was read from, in the same order
 * @param problems what is wrong with the others
 */
public record IndicatorCatalog(List<IndicatorDefinition> indicators, List<Definition<IndicatorDefinition>> files,
		List<Problem> problems) {

	public static IndicatorCatalog load(Path project) {
		Path folder = ProjectFolders.of(project).indicators();
		List<IndicatorDefinition> indicators = new ArrayList<>();
		List<Definition<IndicatorDefinition>> files = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Definition<IndicatorDefinition> file : DefinitionFolder.read(project, folder, IndicatorDefinition.class,
				DefinitionFolder.Kind.YAML, List.of(), problems::add)) {
			String shownAs = file.shownAs();
			IndicatorDefinition definition = file.spec();
			if (!file.name().equals(definition.id())) {
				problems.add(Problem.of(shownAs, "file name does not match id '" + definition.id() + "'",
						"rename the file to " + definition.id() + ".yaml"));
			}
			else if (!ids.add(definition.id())) {
				problems.add(Problem.of(shownAs, "id '" + definition.id() + "' is used twice", "pick a unique id"));
			}
			else {
				indicators.add(definition);
				files.add(file);
			}
		}
		return new IndicatorCatalog(List.copyOf(indicators), List.copyOf(files), List.copyOf(problems));
	}

}
