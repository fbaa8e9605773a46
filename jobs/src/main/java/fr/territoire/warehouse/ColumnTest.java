package fr.territoire.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * A test declared on a column of a model's YAML, in the style of dbt: either a name
 * ({@code not_null}, {@code unique}) or a one-key map of a name to its arguments:
 *
 * <pre>
 * tests:
 *   - not_null
 *   - unique: {severity: warn}
 *   - accepted_values: {values: [commune, epci]}
 *   - relationships: {to: core.territory, field: code}
 * </pre>
 *
 * {@code severity: warn} records offending rows without stopping publication; the default
 * ({@code error}) blocks it.
 *
 * @param kind which test
 * @param values the accepted values of {@code accepted_values}, as text
 * @param to the table {@code relationships} points at, e.g. {@code core.territory}
 * @param field the column of {@code to} that must hold the value
 * @param blocking whether offending rows stop publication
 */
public record ColumnTest(Kind kind, List<String> values, @Nullable String to, @Nullable String field,
		boolean blocking) {

	private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

	private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

	public ColumnTest {
		Objects.requireNonNull(kind, "kind is null");
		values = List.copyOf(values);
	}

	/**
	 * Reads a test as written in YAML: a name, or a one-key map of a name to arguments.
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ColumnTest of(Object yaml) {
		if (yaml instanceof String name) {
			Kind kind = Kind.named(name);
			if (kind == Kind.ACCEPTED_VALUES || kind == Kind.RELATIONSHIPS) {
				throw new IllegalArgumentException("test " + name + " needs arguments, e.g. " + kind.example);
			}
			return new ColumnTest(kind, List.of(), null, null, true);
		}
		if (!(yaml instanceof Map<?, ?> map) || map.size() != 1) {
			throw new IllegalArgumentException(
					"a test is a name (not_null, unique) or a map of one name to its arguments, e.g. "
							+ Kind.ACCEPTED_VALUES.example);
		}
		var entry = map.entrySet().iterator().next();
		Kind kind = Kind.named(String.valueOf(entry.getKey()));
		Map<?, ?> arguments = (entry.getValue() == null) ? Map.of() : asMap(kind, entry.getValue());
		for (Object key : arguments.keySet()) {
			if (!kind.arguments.contains(String.valueOf(key))) {
				throw new IllegalArgumentException("unknown argument '" + key + "' of test " + kind.yamlName
						+ " (known: " + String.join(", ", kind.arguments.stream().sorted().toList()) + ")");
			}
		}
		boolean blocking = severity(arguments.get("severity"));
		return switch (kind) {
			case NOT_NULL, UNIQUE -> new ColumnTest(kind, List.of(), null, null, blocking);
			case ACCEPTED_VALUES -> new ColumnTest(kind, values(arguments.get("values")), null, null, blocking);
			case RELATIONSHIPS ->
				new ColumnTest(kind, List.of(), required(arguments, "to", TABLE, "a table such as core.territory"),
						required(arguments, "field", COLUMN, "a column name"), blocking);
		};
	}

	private static Map<?, ?> asMap(Kind kind, Object value) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw new IllegalArgumentException(
				"the arguments of test " + kind.yamlName + " are a map, e.g. " + kind.example);
	}

	private static boolean severity(@Nullable Object severity) {
		if (severity == null || "error".equals(severity)) {
			return true;
		}
		if ("warn".equals(severity)) {
			return false;
		}
		throw new IllegalArgumentException("severity '" + severity + "' must be error (the default) or warn");
	}

	private static List<String> values(@Nullable Object values) {
		if (!(values instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalArgumentException(
					"accepted_values needs values: a non-empty list, e.g. " + Kind.ACCEPTED_VALUES.example);
		}
		List<String> texts = new ArrayList<>();
		for (Object value : list) {
			if (value == null || value instanceof Map || value instanceof List) {
				throw new IllegalArgumentException("accepted_values: '" + value + "' is not a single value");
			}
			texts.add(String.valueOf(value));
		}
		return texts;
	}

	private static String required(Map<?, ?> arguments, String name, Pattern pattern, String what) {
		Object value = arguments.get(name);
		if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
			throw new IllegalArgumentException("relationships needs " + name + ": " + what + " (found " + value
					+ "), e.g. " + Kind.RELATIONSHIPS.example);
		}
		return text;
	}

	/** The tests a column may declare. */
	public enum Kind {

		/** No null value. */
		NOT_NULL("not_null", Set.of("severity"), "not_null"),
		/** No value twice (nulls ignored). */
		UNIQUE("unique", Set.of("severity"), "unique"),
		/** Every non-null value is one of a list (compared as text). */
		ACCEPTED_VALUES("accepted_values", Set.of("values", "severity"), "accepted_values: {values: [A, F]}"),
		/** Every non-null value exists in a column of another table. */
		RELATIONSHIPS("relationships", Set.of("to", "field", "severity"),
				"relationships: {to: core.territory, field: code}");

		private final String yamlName;

		private final Set<String> arguments;

		private final String example;

		Kind(String yamlName, Set<String> arguments, String example) {
			this.yamlName = yamlName;
			this.arguments = arguments;
			this.example = example;
		}

		/** The name written in YAML and in audit names, e.g. {@code not_null}. */
		public String yamlName() {
			return this.yamlName;
		}

		static Kind named(String name) {
			for (Kind kind : values()) {
				if (kind.yamlName.equals(name)) {
					return kind;
				}
			}
			throw new IllegalArgumentException(
					"unknown test '" + name + "' (known tests: not_null, unique, accepted_values, relationships)");
		}

	}

}
