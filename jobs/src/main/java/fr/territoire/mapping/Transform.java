package fr.territoire.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One step of a column's cleaning, applied in order to the text value after null markers.
 * Written in YAML either as a bare name ({@code trim}, {@code upper}) or as a one-key map
 * whose value holds the options ({@code left_pad: {length: 5, with: "0"}}).
 *
 * @param kind the transformation
 * @param options its options, by name
 */
public record Transform(Kind kind, Map<String, Object> options) {

	public Transform {
		Objects.requireNonNull(kind, "kind is null");
		options = Map.copyOf(options);
		kind.validate(options);
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static Transform of(Object value) {
		if (value instanceof String name) {
			return new Transform(Kind.parse(name), Map.of());
		}
		if (value instanceof Map<?, ?> map && map.size() == 1) {
			Map.Entry<?, ?> entry = map.entrySet().iterator().next();
			Kind kind = Kind.parse(String.valueOf(entry.getKey()));
			Map<String, Object> options = new LinkedHashMap<>();
			if (entry.getValue() instanceof Map<?, ?> values) {
				values.forEach((key, option) -> options.put(String.valueOf(key), option));
			}
			else if (entry.getValue() != null) {
				options.put(kind.shorthand(), entry.getValue());
			}
			return new Transform(kind, options);
		}
		throw new IllegalArgumentException("a transform is a name (" + Kind.known()
				+ ") or a one-key map such as {left_pad: {length: 5, with: \"0\"}}, found " + value);
	}

	/** A text option, required. */
	public String text(String name) {
		Object value = this.options.get(name);
		if (value == null) {
			throw new IllegalStateException(name + " is validated as required");
		}
		return String.valueOf(value);
	}

	/** The kinds of transformation. */
	public enum Kind {

		/** Strips leading and trailing spaces (applied to every value by default). */
		TRIM(List.of(), List.of(), ""),
		/** Upper-case. */
		UPPER(List.of(), List.of(), ""),
		/** Lower-case. */
		LOWER(List.of(), List.of(), ""),
		/** Removes every space, including non-breaking ones (thousands separators). */
		REMOVE_SPACES(List.of(), List.of(), ""),
		/** Replaces the decimal comma with a point. */
		DECIMAL_COMMA(List.of(), List.of(), ""),
		/** Left-pads to a length: {@code left_pad: {length: 5, with: "0"}}. */
		LEFT_PAD(List.of("length"), List.of("with"), "length"),
		/** Replaces literal text: {@code replace: {from: "-", to: ""}}. */
		REPLACE(List.of("from", "to"), List.of(), ""),
		/**
		 * Replaces a regular expression: {@code regex_replace: {pattern: "...", with:
		 * "\\1"}}.
		 */
		REGEX_REPLACE(List.of("pattern", "with"), List.of(), ""),
		/**
		 * Keeps one group of a regular expression (the whole value when it does not
		 * match, so rules still see it): {@code extract: {pattern: "^\\[(\\d+)\\]",
		 * group: 1}}.
		 */
		EXTRACT(List.of("pattern"), List.of("group"), "pattern"),
		/**
		 * Replaces whole values by others: {@code map: {"Oui": "true"}}; other values are
		 * kept.
		 */
		MAP(List.of(), List.of(), "");

		private final List<String> required;

		private final List<String> optional;

		private final String shorthand;

		Kind(List<String> required, List<String> optional, String shorthand) {
			this.required = required;
			this.optional = optional;
			this.shorthand = shorthand;
		}

		String shorthand() {
			if (this.shorthand.isEmpty()) {
				throw new IllegalArgumentException(
						yamlName() + " takes a map of options " + (this.required.isEmpty() ? "" : this.required));
			}
			return this.shorthand;
		}

		public String yamlName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		void validate(Map<String, Object> options) {
			if (this == MAP) {
				if (options.isEmpty()) {
					throw new IllegalArgumentException("map needs at least one value to replace");
				}
				return;
			}
			for (String name : this.required) {
				if (options.get(name) == null) {
					throw new IllegalArgumentException(yamlName() + " needs '" + name + "'");
				}
			}
			for (String name : options.keySet()) {
				if (!this.required.contains(name) && !this.optional.contains(name)) {
					throw new IllegalArgumentException("unknown option '" + name + "' of " + yamlName()
							+ "; known options: " + String.join(", ", concat(this.required, this.optional)));
				}
			}
			if (options.containsKey("pattern")) {
				try {
					Pattern.compile(String.valueOf(options.get("pattern")));
				}
				catch (PatternSyntaxException ex) {
					throw new IllegalArgumentException(
							yamlName() + ": bad pattern '" + options.get("pattern") + "': " + ex.getDescription());
				}
			}
			if (options.containsKey("length") && !(options.get("length") instanceof Integer length && length > 0)) {
				throw new IllegalArgumentException(yamlName() + ": length must be a positive whole number");
			}
			if (options.containsKey("with") && this == LEFT_PAD && String.valueOf(options.get("with")).length() != 1) {
				throw new IllegalArgumentException("left_pad: 'with' must be one character");
			}
			if (options.containsKey("group") && !(options.get("group") instanceof Integer group && group >= 0)) {
				throw new IllegalArgumentException("extract: group must be a whole number");
			}
		}

		private static List<String> concat(List<String> a, List<String> b) {
			return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
		}

		static Kind parse(String name) {
			for (Kind kind : values()) {
				if (kind.yamlName().equals(name.strip())) {
					return kind;
				}
			}
			throw new IllegalArgumentException("unknown transform '" + name + "'; known transforms: " + known());
		}

		static String known() {
			return String.join(", ", java.util.Arrays.stream(values()).map(Kind::yamlName).toList());
		}

	}

}
