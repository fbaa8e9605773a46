package fr.territoire.history;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a statement of {@code warehouse/history/}.
 *
 * @param description what the statement does
 * @param runs when the history step runs it
 * @param variables the DuckDB variables it reads ({@code getvariable('…')}), set by the
 * step
 * @param returns what a query returns, for a query
 */
public record HistoryStatementSpec(String description, String runs, @Nullable List<String> variables,
		@Nullable String returns) {

	public HistoryStatementSpec {
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(runs, "runs is required");
		variables = (variables != null) ? List.copyOf(variables) : List.of();
	}

}
