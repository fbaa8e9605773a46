package fr.territoire.catalogue;

import java.util.Objects;

import fr.territoire.config.DefinitionsIn;
import org.jspecify.annotations.Nullable;

/**
 * The YAML beside a chart of the catalogue page, {@code warehouse/charts/<name>.sql}: the
 * SQL returns {@code label} and {@code value} in the order drawn, reading the release's
 * datasets as {@code release.<dataset>}.
 *
 * @param title the chart's heading
 * @param description what it shows, under the heading
 * @param type {@code bar} or {@code line}
 * @param unit the unit of the values
 */
@DefinitionsIn("warehouse/charts")
public record ChartSpec(String title, @Nullable String description, String type, @Nullable String unit) {

	public ChartSpec {
		Objects.requireNonNull(title, "title is required");
		Objects.requireNonNull(type, "type is required (bar or line)");
		if (!type.equals("bar") && !type.equals("line")) {
			throw new IllegalArgumentException("type must be bar or line, not " + type);
		}
	}

}
