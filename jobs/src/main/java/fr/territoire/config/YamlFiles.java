package fr.territoire.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
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
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION, Location.file(folder.toString()),
					"cannot list it: " + ex.getMessage(), ex);
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
			tools.jackson.databind.JsonNode tree = MAPPER.readTree(file.toFile());
			if (tree != null && tree.isObject() && type.isRecord()) {
				List<String> known = knownKeys(type);
				for (String key : tree.propertyNames()) {
					if (!known.contains(key)) {
						problems.accept(new Problem(shownAs, lineOfKey(file, key, null), "unknown key '" + key + "'",
								"known keys: " + String.join(", ", known.stream().sorted().toList())));
						return null;
					}
				}
			}
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
			problems.accept(new Problem(shownAs, lineOfKey(file, ex.getPropertyName(), line(ex)),
					"unknown key '" + ex.getPropertyName() + "'",
					"known keys: " + String.join(", ", known.stream().sorted().toList())));
		}
		catch (tools.jackson.databind.exc.ValueInstantiationException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			problems.accept(
					new Problem(shownAs, line(ex), String.valueOf(cause.getMessage()), "fix the value named above"));
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

	private static List<String> knownKeys(Class<?> type) {
		List<String> keys = new ArrayList<>();
		var components = type.getRecordComponents();
		Class<?>[] types = java.util.Arrays.stream(components)
			.map(java.lang.reflect.RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			var parameters = type.getDeclaredConstructor(types).getParameters();
			for (int i = 0; i < components.length; i++) {
				var property = parameters[i].getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
				keys.add(
						(property != null && !property.value().isEmpty()) ? property.value() : components[i].getName());
			}
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		return keys;
	}

	/** Writes a value as YAML text (used for diagnostics). */
	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * The line where a key is first written, found in the text (Jackson points after it),
	 * or the fallback.
	 */
	public static @org.jspecify.annotations.Nullable Integer lineOfKey(Path file, String key,
			@org.jspecify.annotations.Nullable Integer fallback) {
		try {
			List<String> lines = Files.readAllLines(file);
			java.util.regex.Pattern pattern = java.util.regex.Pattern
				.compile("^\\s*(-\\s+)?\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:.*");
			for (int i = 0; i < lines.size(); i++) {
				if (pattern.matcher(lines.get(i)).matches()) {
					return i + 1;
				}
			}
		}
		catch (IOException ex) {
			// fall back to the parser's location
		}
		return fallback;
	}

	private static @org.jspecify.annotations.Nullable Integer line(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) ? ex.getLocation().getLineNr() : null;
	}

}
