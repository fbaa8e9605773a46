package fr.territoire.warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.territoire.config.ProjectFolders;
import fr.territoire.config.Problem;
import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;

/**
 * The SQL models of {@code warehouse/models/<layer>/}, each with its YAML, in dependency
 * order.
 *
 * @param models valid models, grouped by layer and sorted so that dependencies come first
 * @param problems what is wrong with the others
 */
public record ModelCatalog(List<SqlModel> models, List<Problem> problems) {

	public static ModelCatalog load(Path project) {
		List<SqlModel> models = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (SqlModel.Layer layer : SqlModel.Layer.values()) {
			Path folder = ProjectFolders.of(project).models().resolve(layer.folder());
			Map<String, SqlModel> byName = new LinkedHashMap<>();
			for (Definition<ModelSpec> definition : DefinitionFolder.read(project, folder, ModelSpec.class,
					DefinitionFolder.Kind.YAML_AND_SQL, List.of(), problems::add)) {
				byName.put(definition.name(),
						new SqlModel(layer, definition.name(), definition.requiredSql(), definition.spec()));
			}
			models.addAll(sorted(byName, problems, project.relativize(folder).toString()));
		}
		DefinitionFolder
			.read(project, ProjectFolders.of(project).models(), ModelSpec.class, DefinitionFolder.Kind.YAML_AND_SQL,
					java.util.Arrays.stream(SqlModel.Layer.values()).map(SqlModel.Layer::folder).toList(),
					problems::add)
			.forEach((misplaced) -> problems.add(Problem.of(misplaced.shownAs(), "a model must be in a layer folder",
					"move it to warehouse/models/<layer>/, layers: "
							+ java.util.Arrays.toString(SqlModel.Layer.values()))));
		return new ModelCatalog(List.copyOf(models), List.copyOf(problems));
	}

	/** The models of one layer. */
	public List<SqlModel> layer(SqlModel.Layer layer) {
		return this.models.stream().filter((model) -> model.layer() == layer).toList();
	}

	private static List<SqlModel> sorted(Map<String, SqlModel> byName, List<Problem> problems, String folder) {
		List<SqlModel> ordered = new ArrayList<>();
		Set<String> done = new HashSet<>();
		Set<String> visiting = new HashSet<>();
		for (String name : byName.keySet()) {
			visit(name, byName, done, visiting, ordered, problems, folder);
		}
		return ordered;
	}

	private static void visit(String name, Map<String, SqlModel> byName, Set<String> done, Set<String> visiting,
			List<SqlModel> ordered, List<Problem> problems, String folder) {
		if (done.contains(name)) {
			return;
		}
		if (!visiting.add(name)) {
			problems.add(Problem.of(folder + "/" + name + ".yaml", "depends_on forms a cycle through " + name,
					"remove one of the dependencies"));
			return;
		}
		SqlModel model = byName.get(name);
		for (String dependency : model.spec().dependsOn()) {
			if (!byName.containsKey(dependency)) {
				problems.add(Problem.of(folder + "/" + name + ".yaml", "depends_on names unknown model " + dependency,
						"list models of the same folder only"));
				continue;
			}
			visit(dependency, byName, done, visiting, ordered, problems, folder);
		}
		visiting.remove(name);
		done.add(name);
		ordered.add(model);
	}

}
