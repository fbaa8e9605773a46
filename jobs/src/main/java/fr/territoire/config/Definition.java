package fr.territoire.config;

import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One definition read from a configuration folder: its name (the file name without
 * extension), its YAML read into a record and, in folders of SQL, the SQL beside it.
 *
 * @param <T> the record the YAML is read into
 * @param name the file name without extension, e.g. {@code territory}
 * @param file the YAML file
 * @param shownAs the YAML file relative to the project folder, as problems name it
 * @param spec what the YAML says
 * @param sql the SQL beside it (one statement, trailing semicolon removed), or null in a
 * folder of YAML only
 */
public record Definition<T>(String name, Path file, String shownAs, T spec, @Nullable String sql) {

	public Definition {
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(file, "file is null");
		Objects.requireNonNull(shownAs, "shownAs is null");
		Objects.requireNonNull(spec, "spec is null");
	}

	/**
	 * The SQL beside the YAML; only for folders read with
	 * {@link DefinitionFolder.Kind#YAML_AND_SQL}.
	 */
	public String requiredSql() {
		if (this.sql == null) {
			throw new IllegalStateException(this.shownAs + " was read without its SQL");
		}
		return this.sql;
	}

}
