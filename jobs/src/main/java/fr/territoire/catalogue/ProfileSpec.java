package fr.territoire.catalogue;

import java.util.Objects;

import fr.territoire.config.DefinitionsIn;

/**
 * The YAML beside a section of the territory profiles,
 * {@code warehouse/profiles/<name>.sql}: the SQL reads the release's datasets as
 * {@code release.<dataset>} and returns at most one row per territory, {@code level},
 * {@code territory_code} and {@code data} (JSON, usually built with {@code to_json}),
 * which the profile page reads under the section's name without its leading number.
 *
 * @param description what the section holds
 */
@DefinitionsIn("warehouse/profiles")
public record ProfileSpec(String description) {

	public ProfileSpec {
		Objects.requireNonNull(description, "description is required");
	}

}
