package fr.territoire.warehouse;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a macro of {@code warehouse/macros/<name>.sql}.
 *
 * @param description what the macro returns
 * @param arguments its arguments, in order
 * @param example a call and its result
 * @param dependsOn macros it calls, created before it
 */
public record MacroSpec(String description, @Nullable List<Argument> arguments, String example,
		@JsonProperty("depends_on") @Nullable List<String> dependsOn) {

	public MacroSpec {
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(example, "example is required");
		arguments = (arguments != null) ? List.copyOf(arguments) : List.of();
		dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : List.of();
	}

	/**
	 * An argument of a macro.
	 *
	 * @param name its name in the macro
	 * @param description what it is
	 */
	public record Argument(String name, String description) {

		public Argument {
			Objects.requireNonNull(name, "argument name is required");
			Objects.requireNonNull(description, "argument description is required");
		}

	}

}
