package fr.territoire.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;

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
			Path folder = project.resolve("warehouse").resolve("models").resolve(layer.folder());
			Map<String, SqlModel> byName = new LinkedHashMap<>();
			for (Path sqlFile : YamlFiles.list(folder, "*.sql")) {
				String name = sqlFile.getFileName().toString().replaceFirst("\\.sql$", "");
				String shownAs = project.relativize(sqlFile).toString();
				Path yamlFile = sqlFile.resolveSibling(name + ".yaml");
				if (!Files.isRegularFile(yamlFile)) {
					problems.add(Problem.of(shownAs, "the model has no YAML beside it",
							"add " + name + ".yaml with description, grain and columns"));
					continue;
				}
				ModelSpec spec = YamlFiles.read(yamlFile, ModelSpec.class, project.relativize(yamlFile).toString(),
						problems::add);
				String sql = read(sqlFile);
				if (sql.isBlank()) {
					problems.add(Problem.of(shownAs, "the model is empty", "write one SELECT statement"));
				}
				else if (spec != null) {
					byName.put(name, new SqlModel(layer, name, sql.strip().replaceFirst(";\\s*$", ""), spec));
				}
			}
			models.addAll(sorted(byName, problems, project.relativize(folder).toString()));
		}
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

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
