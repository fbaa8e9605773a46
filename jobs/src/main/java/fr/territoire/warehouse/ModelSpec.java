package fr.territoire.warehouse;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a SQL model: what it is, its grain, what it depends on, its columns.
 *
 * @param description what the model holds
 * @param grain what one row is
 * @param source for a staging model, the mapping source it validates
 * @param dependsOn models of the same layer that must be built first
 * @param columns column descriptions
 */
public record ModelSpec(String description, String grain, @Nullable String source,
		@JsonProperty("depends_on") @Nullable List<String> dependsOn, @Nullable List<Column> columns) {

	public ModelSpec {
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(grain, "grain is required");
		dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : List.of();
		columns = (columns != null) ? List.copyOf(columns) : List.of();
	}

	/**
	 * A column's description.
	 *
	 * @param name the column name
	 * @param description what it means
	 */
	public record Column(String name, String description) {

		public Column {
			Objects.requireNonNull(name, "column name is required");
			Objects.requireNonNull(description, "column description is required");
		}

	}

}
