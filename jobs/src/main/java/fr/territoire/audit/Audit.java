package fr.territoire.audit;

import java.util.Objects;

/**
 * A query that returns offending rows: empty means pass.
 *
 * @param name the file name without extension, e.g.
 * {@code territory__commune_without_region}
 * @param sql the query
 * @param spec its description and whether it blocks publication
 * @param countSql a query counting the rows {@code sql} returns, as one number: by
 * default {@code SELECT count(*) FROM (sql)}; a generated test gives a cheaper one (issue
 * 19: DuckDB keeps every column of {@code SELECT *} through an anti-join, 74 s instead of
 * 1 s to count the register's rows at 44 M)
 */
public record Audit(String name, String sql, AuditSpec spec, String countSql) {

	public Audit {
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(sql, "sql is null");
		Objects.requireNonNull(spec, "spec is null");
		Objects.requireNonNull(countSql, "countSql is null");
	}

	public Audit(String name, String sql, AuditSpec spec) {
		this(name, sql, spec, "SELECT count(*) FROM (" + sql + ")");
	}

}
