package fr.territoire.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.territoire.config.Problem;

/**
 * The SQL macros of {@code warehouse/macros/<name>.sql}, each with its YAML, created in
 * the warehouse before any model runs; a macro comes after those its {@code depends_on}
 * names, otherwise in name order.
 *
 * @param macros valid macros, in creation order
 * @param problems what is wrong with the others
 */
public record MacroCatalog(List<SqlFile<MacroSpec>> macros, List<Problem> problems) {

	public static MacroCatalog load(Path project) {
		Path folder = project.resolve("warehouse").resolve("macros");
		List<Problem> problems = new ArrayList<>();
		Map<String, SqlFile<MacroSpec>> byName = new LinkedHashMap<>();
		for (SqlFile<MacroSpec> macro : SqlFile.list(project, folder, MacroSpec.class, problems)) {
			Pattern creates = Pattern.compile(
					"(?is)^(--[^\\n]*\\n\\s*)*CREATE OR REPLACE MACRO " + Pattern.quote(macro.name()) + "\\s*\\(.*");
			if (!creates.matcher(macro.sql()).matches()) {
				problems.add(Problem.of(macro.shownAs(), "does not start with CREATE OR REPLACE MACRO " + macro.name(),
						"a macro file creates the macro it is named after"));
				continue;
			}
			byName.put(macro.name(), macro);
		}
		List<SqlFile<MacroSpec>> ordered = new ArrayList<>();
		Set<String> done = new HashSet<>();
		for (String name : byName.keySet()) {
			visit(name, byName, done, new HashSet<>(), ordered, problems);
		}
		return new MacroCatalog(List.copyOf(ordered), List.copyOf(problems));
	}

	/** Creates (or replaces) every macro. */
	public void create(Connection connection) {
		for (SqlFile<MacroSpec> macro : this.macros) {
			Sql.execute(connection, "create macro " + macro.name() + " (" + macro.shownAs() + ")", macro.sql());
		}
	}

	private static void visit(String name, Map<String, SqlFile<MacroSpec>> byName, Set<String> done,
			Set<String> visiting, List<SqlFile<MacroSpec>> ordered, List<Problem> problems) {
		if (done.contains(name)) {
			return;
		}
		SqlFile<MacroSpec> macro = byName.get(name);
		if (!visiting.add(name)) {
			problems.add(Problem.of(macro.shownAs(), "depends_on forms a cycle through " + name,
					"remove one of the dependencies"));
			return;
		}
		for (String dependency : macro.spec().dependsOn()) {
			if (!byName.containsKey(dependency)) {
				problems.add(Problem.of(macro.shownAs(), "depends_on names unknown macro " + dependency,
						"name a macro of warehouse/macros/"));
				continue;
			}
			visit(dependency, byName, done, visiting, ordered, problems);
		}
		visiting.remove(name);
		if (done.add(name)) {
			ordered.add(macro);
		}
	}

}
