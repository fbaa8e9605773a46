package fr.territoire.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one configuration folder of the project the same way for every kind of
 * definition: mappings, models, audits, indicators, schedules… A definition is a
 * {@code <name>.yaml} (or {@code <name>.yml}) read strictly into a record and, in folders
 * of SQL, the {@code <name>.sql} beside it. Nothing in the folder is skipped silently: a
 * SQL file without its YAML, a YAML without its SQL, the same name in {@code .yaml} and
 * {@code .yml} is an error naming the file; a sub-folder or any other file is a warning
 * ("is not read"). Hidden files and a {@code README.md} are ignored.
 */
public final class DefinitionFolder {

	private DefinitionFolder() {
	}

	/** What a folder holds. */
	public enum Kind {

		/** One YAML file per definition. */
		YAML,

		/** A SQL file per definition, with its YAML beside it. */
		YAML_AND_SQL

	}

	/**
	 * Reads the definitions of a folder, sorted by name.
	 * @param <T> the record each YAML is read into
	 * @param project the project folder (problems name files relative to it)
	 * @param folder the folder to read; absent means no definition
	 * @param type the record class
	 * @param kind whether each definition has SQL beside its YAML
	 * @param subfolders names of sub-folders the caller reads itself (not reported)
	 * @param problems where problems go
	 * @return the definitions whose files are valid
	 */
	public static <T> List<Definition<T>> read(Path project, Path folder, Class<T> type, Kind kind,
			List<String> subfolders, Consumer<Problem> problems) {
		Map<String, Found> byName = new TreeMap<>();
		for (Path path : list(folder)) {
			String fileName = path.getFileName().toString();
			String shownAs = shown(project, path);
			if (fileName.startsWith(".") || fileName.equals("README.md")) {
				continue;
			}
			if (Files.isDirectory(path)) {
				if (!subfolders.contains(fileName)) {
					problems.accept(Problem.warning(shownAs, "a folder here is not read",
							(subfolders.isEmpty() ? "definitions are not read from sub-folders of "
									: "the sub-folders read are " + subfolders + " in ") + shown(project, folder)
									+ ": move its files up or remove it"));
				}
				continue;
			}
			String extension = extension(fileName);
			String name = fileName.substring(0, fileName.length() - extension.length()).replaceFirst("\\.$", "");
			Found files = byName.computeIfAbsent(name, (key) -> new Found());
			switch (extension.toLowerCase(Locale.ROOT)) {
				case "yaml", "yml" -> {
					if (files.yaml != null) {
						problems
							.accept(Problem.of(shownAs, "the same definition is also in " + shown(project, files.yaml),
									"keep one of " + name + ".yaml and " + name + ".yml"));
					}
					else {
						files.yaml = path;
					}
				}
				case "sql" -> {
					if (kind == Kind.YAML_AND_SQL) {
						files.sql = path;
					}
					else {
						stray(project, folder, kind, path, problems);
					}
				}
				default -> stray(project, folder, kind, path, problems);
			}
		}
		List<Definition<T>> definitions = new ArrayList<>();
		byName.forEach(
				(name, files) -> definition(project, name, files, type, kind, problems).ifPresent(definitions::add));
		return definitions;
	}

	/**
	 * Reads a single definition file, {@code <name>.yaml} or {@code <name>.yml}.
	 * @return the record, or null when the file is absent (nothing is reported) or
	 * invalid (a problem is reported)
	 */
	public static <T> @Nullable T readFile(Path project, Path folder, String name, Class<T> type,
			Consumer<Problem> problems) {
		Path yaml = folder.resolve(name + ".yaml");
		Path yml = folder.resolve(name + ".yml");
		if (Files.isRegularFile(yaml) && Files.isRegularFile(yml)) {
			problems.accept(Problem.of(shown(project, yml), "the same definition is also in " + shown(project, yaml),
					"keep one of " + name + ".yaml and " + name + ".yml"));
			return null;
		}
		Path file = Files.isRegularFile(yml) ? yml : yaml;
		if (!Files.isRegularFile(file)) {
			return null;
		}
		return YamlFiles.read(file, type, shown(project, file), problems);
	}

	/** A path as problems show it: relative to the project folder. */
	public static String shown(Path project, Path path) {
		return path.startsWith(project) ? project.relativize(path).toString() : path.toString();
	}

	private static <T> java.util.Optional<Definition<T>> definition(Path project, String name, Found files,
			Class<T> type, Kind kind, Consumer<Problem> problems) {
		if (files.yaml == null) {
			if (files.sql != null) {
				problems.accept(Problem.of(shown(project, files.sql), "has no YAML beside it",
						"add " + name + ".yaml with its description (see the README of its folder)"));
			}
			return java.util.Optional.empty();
		}
		String shownAs = shown(project, files.yaml);
		String sql = null;
		if (kind == Kind.YAML_AND_SQL) {
			if (files.sql == null) {
				problems
					.accept(Problem.of(shownAs, "has no SQL beside it", "add " + name + ".sql, or remove the YAML"));
				return java.util.Optional.empty();
			}
			sql = readSql(files.sql);
			if (sql.isBlank()) {
				problems.accept(Problem.of(shown(project, files.sql), "is empty", "write one SQL statement"));
				return java.util.Optional.empty();
			}
		}
		T spec = YamlFiles.read(files.yaml, type, shownAs, problems);
		if (spec == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Definition<>(name, files.yaml, shownAs, spec, sql));
	}

	private static void stray(Path project, Path folder, Kind kind, Path path, Consumer<Problem> problems) {
		problems.accept(Problem.warning(shown(project, path), "is not read: " + shown(project, folder) + " holds "
				+ ((kind == Kind.YAML) ? ".yaml or .yml files" : ".sql files with a .yaml (or .yml) beside each"),
				"rename it, or move it out of " + shown(project, folder)));
	}

	private static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot > 0) ? fileName.substring(dot + 1) : "";
	}

	private static String readSql(Path file) {
		try {
			return Files.readString(file).strip().replaceFirst(";\\s*$", "");
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(file.toString()),
					"cannot read it: " + ex.getMessage(), ex);
		}
	}

	private static List<Path> list(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.sorted().toList();
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(folder.toString()),
					"cannot list it: " + ex.getMessage(), ex);
		}
	}

	/** The files found for one name. */
	private static final class Found {

		@Nullable Path yaml;

		@Nullable Path sql;

	}

}
