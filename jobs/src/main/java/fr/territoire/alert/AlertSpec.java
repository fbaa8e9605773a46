package fr.territoire.alert;

import java.util.Objects;

import fr.territoire.config.DefinitionsIn;

/**
 * The YAML beside an alert query, {@code warehouse/alerts/<name>.sql}: the query returns
 * one row per alert with the columns of {@code mart.alert} but {@code alert} (its
 * severity and French sentence included).
 *
 * @param description what the alert detects
 */
@DefinitionsIn("warehouse/alerts")
public record AlertSpec(String description) {

	public AlertSpec {
		Objects.requireNonNull(description, "description is required");
	}

}
