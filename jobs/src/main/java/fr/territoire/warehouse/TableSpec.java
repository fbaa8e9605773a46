package fr.territoire.warehouse;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a table of {@code warehouse/schema/<schema>/
 *
<table>
 * .sql}.
 *
 * @param description what the table holds
 * @param grain what one row is
 * @param columns column descriptions
 */
public record TableSpec(String description, String grain, @Nullable List<ModelSpec.Column> columns) {

	public TableSpec {
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(grain, "grain is required");
		columns = (columns != null) ? List.copyOf(columns) : List.of();
	}

}
