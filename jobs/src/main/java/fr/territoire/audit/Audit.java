package fr.territoire.audit;

import java.util.Objects;

/**
 * A query that returns offending rows: empty means pass.
 *
 * @param name the file name without extension, e.g.
 * {@code territory__commune_without_region}
 * @param sql the query
 * @param spec its description and whether it blocks publication
 */
public record Audit(String name, String sql, AuditSpec spec) {

	public Audit {
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(sql, "sql is null");
		Objects.requireNonNull(spec, "spec is null");
	}

}
