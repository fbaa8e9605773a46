package fr.territoire.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fr.territoire.config.Problem;
import fr.territoire.config.YamlFiles;

/**
 * A SQL file of {@code warehouse/} with the YAML beside it that documents it
 * ({@code <name>.yaml} or {@code <name>.yml}).
 *
 * @param <T> the record the YAML is read into
 * @param name the file name without {@code .sql}
 * @param file the SQL file
 * @param shownAs the file relative to the project, as problems name it
 * @param sql its text, stripped, without a final semicolon
 * @param spec its YAML
 */
public record SqlFile<T>(String name, Path file, String shownAs, String sql, T spec) {

	public SqlFile {
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(file, "file is null");
		Objects.requireNonNull(shownAs, "shownAs is null");
		Objects.requireNonNull(sql, "sql is null");
		Objects.requireNonNull(spec, "spec is null");
	}

	/**
	 * The SQL files of a folder and its subfolders, sorted by path, each with its YAML.
	 * @param <T> the record the YAML is read into
	 * @param project the project folder
	 * @param folder the folder to read
	 * @param type the record the YAML is read into
	 * @param what what a file holds, for problems ("macro", "report section")
	 * @param problems where a file without YAML, an empty file or an invalid YAML goes
	 * @return the valid files
	 */
	public static <T> List<SqlFile<T>> list(Path project, Path folder, Class<T> type, String what,
			List<Problem> problems) {
		List<SqlFile<T>> files = new ArrayList<>();
		for (Path sqlFile : YamlFiles.list(folder, "*.sql")) {
			String name = sqlFile.getFileName().toString().replaceFirst("\\.sql$", "");
			String shownAs = project.relativize(sqlFile).toString();
			Path yamlFile = yaml(sqlFile, name);
			if (yamlFile == null) {
				problems.add(Problem.of(shownAs, "the " + what + " has no YAML beside it",
						"add " + name + ".yaml documenting it (see warehouse/README.md)"));
				continue;
			}
			T spec = YamlFiles.read(yamlFile, type, project.relativize(yamlFile).toString(), problems::add);
			String sql;
			try {
				sql = Files.readString(sqlFile).strip().replaceFirst(";\\s*$", "");
			}
			catch (IOException ex) {
				problems.add(Problem.of(shownAs, "cannot read: " + ex.getMessage(), "check the file's permissions"));
				continue;
			}
			if (sql.isBlank()) {
				problems.add(Problem.of(shownAs, "the " + what + " is empty", "write its SQL"));
			}
			else if (spec != null) {
				files.add(new SqlFile<>(name, sqlFile, shownAs, sql, spec));
			}
		}
		return List.copyOf(files);
	}

	private static @org.jspecify.annotations.Nullable Path yaml(Path sqlFile, String name) {
		for (String extension : List.of(".yaml", ".yml")) {
			Path candidate = sqlFile.resolveSibling(name + extension);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
