package fr.territoire.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One column of a mapping: where its value comes from (a header name, a concatenation of
 * header names, or the file name), how it is cleaned, typed and validated, and the
 * staging column it becomes. A bare string in YAML is a header name kept as text.
 *
 * @param name the header name the value is read from (bound by name, never by position)
 * @param concat header names whose values are concatenated, e.g. département code and
 * commune number
 * @param separator what goes between concatenated values (nothing by default)
 * @param fromFile a regular expression over the file name whose first group is the value
 * @param target the staging column (by default the name in snake case)
 * @param type the staging type (text by default)
 * @param transform cleaning steps, in order, after trimming and null markers
 * @param nullMarkers values meaning "no value" for this column, besides the mapping's
 * @param rules validation rules, checked in order
 * @param format date formats ({@code %d/%m/%Y}; {@code excel} for serial day numbers)
 * @param description what the column means
 */
public record Column(@Nullable String name, @Nullable List<String> concat, @Nullable String separator,
		@JsonProperty("from_file") @Nullable String fromFile, @Nullable String target, @Nullable ColumnType type,
		@Nullable List<Transform> transform, @JsonProperty("null_markers") @Nullable List<String> nullMarkers,
		@Nullable List<Rule> rules, @Nullable List<String> format, @Nullable String description) {

	private static final Pattern TARGET = Pattern.compile("[a-z][a-z0-9_]*");

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public Column {
		int sources = ((name != null) ? 1 : 0) + ((concat != null) ? 1 : 0) + ((fromFile != null) ? 1 : 0);
		if (sources != 1) {
			throw new IllegalArgumentException("a column needs exactly one of name (a header), concat (headers) or "
					+ "from_file (a pattern over the file name)" + ((target != null) ? ", column " + target : ""));
		}
		if (concat != null && concat.size() < 2) {
			throw new IllegalArgumentException("concat needs at least two header names");
		}
		if ((concat != null || fromFile != null) && target == null) {
			throw new IllegalArgumentException("a concat or from_file column needs a target name");
		}
		if (fromFile != null) {
			try {
				if (Pattern.compile(fromFile).matcher("").groupCount() < 1) {
					throw new IllegalArgumentException("from_file pattern '" + fromFile + "' needs a (group)");
				}
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("bad from_file pattern '" + fromFile + "': " + ex.getDescription());
			}
		}
		if (target != null && !TARGET.matcher(target).matches()) {
			throw new IllegalArgumentException("target '" + target
					+ "' must be lower-case letters, digits and underscores, starting with a letter");
		}
		if (format != null && (type != ColumnType.DATE || format.isEmpty())) {
			throw new IllegalArgumentException("format applies to date columns only, with at least one format");
		}
		concat = (concat != null) ? List.copyOf(concat) : null;
		transform = (transform != null) ? List.copyOf(transform) : List.of();
		nullMarkers = (nullMarkers != null) ? List.copyOf(nullMarkers) : List.of();
		rules = (rules != null) ? List.copyOf(rules) : List.of();
		format = (format != null) ? List.copyOf(format) : null;
		if (type != null) {
			for (Rule rule : rules) {
				if ((rule.kind() == Rule.Kind.MIN || rule.kind() == Rule.Kind.MAX) && !type.isOrdered()) {
					throw new IllegalArgumentException(
							rule.kind().yamlName() + " applies to integer, decimal and " + "date columns, not to "
									+ type.name().toLowerCase(Locale.ROOT) + " column " + targetName());
				}
			}
		}
	}

	/** A bare header name: the column kept as text under its own name. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Column named(String name) {
		return new Column(name, null, null, null, null, null, null, null, null, null, null);
	}

	/** The staging column name. */
	public String targetName() {
		if (this.target != null) {
			return this.target;
		}
		String snake = java.text.Normalizer
			.normalize(java.util.Objects.requireNonNull(this.name), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "_")
			.replaceAll("^_+|_+$", "");
		return (snake.isEmpty() || !Character.isLetter(snake.charAt(0))) ? "c_" + snake : snake;
	}

	/** The staging type. */
	public ColumnType columnType() {
		return (this.type != null) ? this.type : ColumnType.TEXT;
	}

	/** The header names this column reads. */
	public List<String> headers() {
		List<String> headers = new ArrayList<>();
		if (this.name != null) {
			headers.add(this.name);
		}
		if (this.concat != null) {
			headers.addAll(this.concat);
		}
		return headers;
	}

	/** How the column is named in messages: its header, or its target. */
	public String shownName() {
		return (this.name != null) ? this.name : targetName();
	}

}
