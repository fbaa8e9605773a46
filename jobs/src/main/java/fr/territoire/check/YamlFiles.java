package fr.territoire.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML configuration files into records, strictly: an unknown key is an error with
 * its line.
 */
public final class YamlFiles {

	private static final YAMLMapper MAPPER = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private YamlFiles() {
	}

	/** The YAML files of a folder, sorted by name. */
	public static List<Path> list(Path folder, String glob) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		var matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> matcher.matches(path.getFileName()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a file into a record; on failure, adds a problem and returns null.
	 * @param <T> the record type
	 * @param file the YAML file
	 * @param type the record class
	 * @param shownAs how to name the file in problems
	 * @param problems where problems go
	 * @return the value, or {@code null} if the file is invalid
	 */
	public static <T> @org.jspecify.annotations.Nullable T read(Path file, Class<T> type, String shownAs,
			Consumer<Problem> problems) {
		try {
			T value = MAPPER.readValue(file.toFile(), type);
			if (value == null) {
				problems
					.accept(Problem.of(shownAs, "the file is empty", "see the README of its folder for an example"));
			}
			return value;
		}
		catch (UnrecognizedPropertyException ex) {
			List<String> known = new ArrayList<>();
			ex.getKnownPropertyIds().forEach((id) -> known.add(String.valueOf(id)));
			problems.accept(new Problem(shownAs, line(ex), "unknown key '" + ex.getPropertyName() + "'",
					"known keys: " + String.join(", ", known.stream().sorted().toList())));
		}
		catch (JacksonException ex) {
			problems.accept(new Problem(shownAs, line(ex), ex.getOriginalMessage(), "check the YAML syntax and types"));
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			problems.accept(Problem.of(shownAs, String.valueOf(cause.getMessage()), "fix the value named above"));
		}
		return null;
	}

	/** Writes a value as YAML text (used for diagnostics). */
	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	private static @org.jspecify.annotations.Nullable Integer line(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) ? ex.getLocation().getLineNr() : null;
	}

}
