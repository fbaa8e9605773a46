package fr.territoire.disclosure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.config.Problem;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;

/**
 * The statements of {@code warehouse/disclosure/}, by name: the only SQL the audit runs
 * besides its bookkeeping.
 *
 * @param sql each statement, by file name without extension
 */
public record DisclosureQueries(Map<String, String> sql) {

	static final String FOLDER = "warehouse/disclosure";

	static final List<String> REQUIRED = List.of("disclosure_audit", "protected_tables", "audited_periods",
			"territory_parents", "true_cells", "published_cells");

	public DisclosureQueries {
		sql = Map.copyOf(sql);
	}

	/** Reads the statements of a project's {@code warehouse/disclosure/}. */
	public static DisclosureQueries load(Path project) {
		List<Problem> problems = new ArrayList<>();
		Map<String, String> sql = new TreeMap<>();
		for (Definition<DisclosureQuery> definition : DefinitionFolder.read(project, project.resolve(FOLDER),
				DisclosureQuery.class, DefinitionFolder.Kind.YAML_AND_SQL, List.of(), problems::add)) {
			sql.put(definition.name(), definition.requiredSql());
		}
		List<String> missing = REQUIRED.stream().filter((name) -> !sql.containsKey(name)).toList();
		if (!problems.isEmpty() || !missing.isEmpty()) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION,
					"invalid " + FOLDER + " (run 'territoire check'): " + problems
							+ (missing.isEmpty() ? "" : ", missing statements " + missing));
		}
		return new DisclosureQueries(sql);
	}

	String get(String name) {
		String statement = this.sql.get(name);
		if (statement == null) {
			throw new IllegalArgumentException("no statement " + name + " in " + FOLDER);
		}
		return statement;
	}

}
