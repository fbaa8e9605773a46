package fr.territoire.audit;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The YAML beside an audit query.
 *
 * @param description what the audit checks
 * @param blocking whether offending rows stop publication
 * @param after the layer it runs after: {@code staging}, {@code geography}, {@code core},
 * {@code marts} (the default), {@code indicators} or {@code public}
 */
public record AuditSpec(String description, boolean blocking, @Nullable AuditLayer after) {

	public AuditSpec {
		Objects.requireNonNull(description, "description is required");
		after = (after != null) ? after : AuditLayer.MARTS;
	}

	public AuditSpec(String description, boolean blocking) {
		this(description, blocking, null);
	}

	/** The layer it runs after, never null. */
	@Override
	public AuditLayer after() {
		return Objects.requireNonNull(this.after);
	}

}
