package fr.territoire.warehouse;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Whether the run being built reuses the release of the last promoted run, as its reuse
 * step decided and recorded in {@code meta.run_fingerprint} (docs/operations.md): the
 * steps that compute read it to skip, the publish step to republish that release, the
 * promotion to keep {@code current.duckdb} and record the run in it.
 */
public final class RunReuse {

	private RunReuse() {
	}

	/**
	 * The release the run being built reuses, if it does.
	 * @param connection the warehouse under construction
	 * @return the id of the reused release, empty when the run computes its own
	 */
	public static Optional<String> reusedRelease(Connection connection) {
		List<List<String>> rows = Sql.queryRows(connection,
				"SELECT reused_release FROM meta.run_fingerprint WHERE reused_release IS NOT NULL "
						+ "AND job_instance_id = (SELECT max(job_instance_id) FROM meta.run)");
		return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0).get(0));
	}

}
