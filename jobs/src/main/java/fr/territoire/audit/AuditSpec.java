package fr.territoire.audit;

import java.util.Objects;

/**
 * The YAML beside an audit query.
 *
 * @param description what the audit checks
 * @param blocking whether offending rows stop publication
 */
public record AuditSpec(String description, boolean blocking) {

	public AuditSpec {
		Objects.requireNonNull(description, "description is required");
	}

}
