package fr.territoire.mapping;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The staging table a mapping fills and its key.
 *
 * @param table the table name in the {@code staging} schema
 * @param key the target columns that identify a row; a later duplicate is rejected
 */
public record Target(String table, @Nullable List<String> key) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	public Target {
		Objects.requireNonNull(table, "target.table is required");
		if (!NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("target.table '" + table
					+ "' must be lower-case letters, digits and underscores, starting with a letter");
		}
		key = (key != null) ? List.copyOf(key) : List.of();
	}

	/** The qualified staging table, e.g. {@code staging.stg_insee__comparateur}. */
	public String qualifiedTable() {
		return "staging." + this.table;
	}

}
