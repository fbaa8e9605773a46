package fr.territoire.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.config.Problem;
import fr.territoire.warehouse.SqlFile;

/**
 * The statements of {@code warehouse/history/<name>.sql}, each with its YAML, which
 * {@link EstablishmentHistory} runs by name.
 *
 * @param statements the SQL of each statement, by name
 * @param problems what is wrong with the files, a missing statement included
 */
public record HistoryStatements(Map<String, String> statements, List<Problem> problems) {

	/** The statements the history step runs. */
	static final List<String> NAMES = List.of("current_run_date", "reset", "previous_has_history", "copy_previous",
			"stock_fingerprint", "latest_stock", "take_back_stock", "read_stock", "close_changed_periods",
			"periods_closed", "open_new_periods", "periods_opened", "record_stock");

	public static HistoryStatements load(Path project) {
		Path folder = project.resolve("warehouse").resolve("history");
		List<Problem> problems = new ArrayList<>();
		Map<String, String> statements = new LinkedHashMap<>();
		for (SqlFile<HistoryStatementSpec> file : SqlFile.list(project, folder, HistoryStatementSpec.class, problems)) {
			if (!NAMES.contains(file.name())) {
				problems.add(Problem.of(file.shownAs(), "the history step runs no statement named " + file.name(),
						"known statements: " + String.join(", ", NAMES)));
				continue;
			}
			statements.put(file.name(), file.sql());
		}
		for (String name : NAMES) {
			if (!statements.containsKey(name)
					&& problems.stream().noneMatch((problem) -> problem.file().endsWith(name + ".sql"))) {
				problems.add(Problem.of("warehouse/history/" + name + ".sql", "the history step needs this statement",
						"restore it with its YAML"));
			}
		}
		return new HistoryStatements(Map.copyOf(statements), List.copyOf(problems));
	}

	/** The SQL of a statement. */
	String sql(String name) {
		String sql = this.statements.get(name);
		if (sql == null) {
			throw new IllegalStateException("warehouse/history/" + name + ".sql is missing");
		}
		return sql;
	}

}
