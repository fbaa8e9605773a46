package fr.territoire.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * A validation rule of a mapped column. Written in YAML as a bare name ({@code required},
 * {@code siret}, {@code commune_code}) or a one-key map ({@code pattern: "[0-9]{5}"},
 * {@code allowed: [A, F]}, {@code min: 0}, {@code reference: commune}).
 *
 * @param kind the rule
 * @param value its argument: a pattern, a list of allowed values, a bound, a reference
 */
public record Rule(Kind kind, @Nullable Object value) {

	public Rule {
		Objects.requireNonNull(kind, "kind is null");
		value = kind.validate(value);
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static Rule of(Object value) {
		if (value instanceof String name) {
			return new Rule(Kind.parse(name), null);
		}
		if (value instanceof Map<?, ?> map && map.size() == 1) {
			Map.Entry<?, ?> entry = map.entrySet().iterator().next();
			return new Rule(Kind.parse(String.valueOf(entry.getKey())), entry.getValue());
		}
		throw new IllegalArgumentException(
				"a rule is a name (required, siren, siret, commune_code, departement_code) or a one-key map such as "
						+ "{pattern: \"[0-9]{5}\"}, found " + value);
	}

	/** The allowed values of an {@code allowed} rule. */
	@SuppressWarnings("unchecked")
	public List<String> allowedValues() {
		return (List<String>) Objects.requireNonNull(this.value);
	}

	/** The table and column of a {@code reference} rule. */
	public Reference reference() {
		return (Reference) Objects.requireNonNull(this.value);
	}

	/**
	 * What a {@code reference} rule points to: a column of a staging table built before.
	 *
	 * @param table the qualified table
	 * @param column its column
	 */
	public record Reference(String table, String column) {

		/** {@code reference: commune}: a commune code of the loaded COG (any type). */
		static final Reference COMMUNE = new Reference("staging.stg_cog__commune", "code");

	}

	/** The kinds of rule. */
	public enum Kind {

		/** The value must be present (not empty, not a null marker). */
		REQUIRED,
		/** The whole text must match a regular expression. */
		PATTERN,
		/** The text must be one of a list. */
		ALLOWED,
		/** The typed value must be at least this. */
		MIN,
		/** The typed value must be at most this. */
		MAX,
		/** 9 digits with a valid Luhn key. */
		SIREN,
		/**
		 * 14 digits with a valid Luhn key, La Poste's establishments by their digit sum.
		 */
		SIRET,
		/**
		 * The form of a commune code: 5 digits, or 2A/2B and 3 digits (macro
		 * {@code commune_code_is_valid} of {@code warehouse/macros/}).
		 */
		COMMUNE_CODE,
		/**
		 * The form of a département code: 2 digits, 2A/2B, or 97x (macro
		 * {@code departement_code_is_valid}).
		 */
		DEPARTEMENT_CODE,
		/**
		 * The value must exist in a code list: a staging table's column, or
		 * {@code commune}.
		 */
		REFERENCE;

		public String yamlName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		@Nullable Object validate(@Nullable Object value) {
			return switch (this) {
				case REQUIRED, SIREN, SIRET, COMMUNE_CODE, DEPARTEMENT_CODE -> {
					if (value != null && !Boolean.TRUE.equals(value)) {
						throw new IllegalArgumentException(yamlName() + " takes no value");
					}
					yield null;
				}
				case PATTERN -> {
					if (!(value instanceof String pattern) || pattern.isEmpty()) {
						throw new IllegalArgumentException("pattern needs a regular expression");
					}
					try {
						Pattern.compile(pattern);
					}
					catch (PatternSyntaxException ex) {
						throw new IllegalArgumentException("bad pattern '" + pattern + "': " + ex.getDescription()
								+ " near index " + ex.getIndex());
					}
					yield pattern;
				}
				case ALLOWED -> {
					if (!(value instanceof List<?> list) || list.isEmpty()) {
						throw new IllegalArgumentException("allowed needs a list of values");
					}
					List<String> values = new ArrayList<>();
					list.forEach((item) -> values.add(String.valueOf(item)));
					yield List.copyOf(values);
				}
				case MIN, MAX -> {
					if (!(value instanceof Number) && !(value instanceof String)) {
						throw new IllegalArgumentException(yamlName() + " needs a number or an ISO date");
					}
					yield value;
				}
				case REFERENCE -> reference(value);
			};
		}

		private static Reference reference(@Nullable Object value) {
			if ("commune".equals(value)) {
				return Reference.COMMUNE;
			}
			if (value instanceof Map<?, ?> map && map.get("table") instanceof String table
					&& map.get("column") instanceof String column && map.size() == 2) {
				if (!table.matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*") || !column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
					throw new IllegalArgumentException("reference table must be schema.table and column a plain name");
				}
				return new Reference(table, column);
			}
			throw new IllegalArgumentException(
					"reference is 'commune' or {table: staging.<table>, column: <column>}, found " + value);
		}

		static Kind parse(String name) {
			for (Kind kind : values()) {
				if (kind.yamlName().equals(name.strip())) {
					return kind;
				}
			}
			throw new IllegalArgumentException("unknown rule '" + name + "'; known rules: "
					+ String.join(", ", java.util.Arrays.stream(values()).map(Kind::yamlName).toList()));
		}

	}

}
