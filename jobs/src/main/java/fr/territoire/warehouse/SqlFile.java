package fr.territoire.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fr.territoire.config.Problem;
import fr.territoire.config.Definition;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;

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
	 * The SQL files of a folder and its subfolders, sorted by path, each with its YAML,
	 * read by {@link DefinitionFolder} (so the rules of every configuration folder apply:
	 * {@code .yaml} or {@code .yml}, nothing skipped silently).
	 * @param <T> the record the YAML is read into
	 * @param project the project folder
	 * @param folder the folder to read
	 * @param type the record the YAML is read into
	 * @param problems where a file without YAML, an empty file or an invalid YAML goes
	 * @return the valid files
	 */
	public static <T> List<SqlFile<T>> list(Path project, Path folder, Class<T> type, List<Problem> problems) {
		List<SqlFile<T>> files = new ArrayList<>();
		List<String> subfolders = subfolders(folder);
		for (Definition<T> definition : DefinitionFolder.read(project, folder, type, DefinitionFolder.Kind.YAML_AND_SQL,
				subfolders, problems::add)) {
			Path sqlFile = definition.file().resolveSibling(definition.name() + ".sql");
			files.add(new SqlFile<>(definition.name(), sqlFile, DefinitionFolder.shown(project, sqlFile),
					definition.requiredSql(), definition.spec()));
		}
		for (String subfolder : subfolders) {
			files.addAll(list(project, folder.resolve(subfolder), type, problems));
		}
		return List.copyOf(files);
	}

	private static List<String> subfolders(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var paths = Files.list(folder)) {
			return paths.filter(Files::isDirectory)
				.map((path) -> path.getFileName().toString())
				.filter((name) -> !name.startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(folder.toString()),
					"cannot list it: " + ex.getMessage(), ex);
		}
	}

}
