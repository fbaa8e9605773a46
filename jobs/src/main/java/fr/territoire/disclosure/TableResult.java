package fr.territoire.disclosure;

import java.util.List;

/**
 * The audit of one protected table and period: a row of {@code mart.disclosure_audit} and
 * its failures.
 *
 * @param tableId the protected table
 * @param period the period
 * @param cells non-empty cells of the audit's own true table
 * @param published cells some indicator publishes
 * @param secret cells published as secret
 * @param unpublishedPrimary unpublished cells the audit's primary rule finds sensitive
 * @param determined checked cells recomputable, or not proven otherwise
 * @param intervalChecked primary cells of a business table whose interval was checked
 * @param intervalFailed of those, the ones whose feasible range is too narrow
 * @param singletonFailed cells recoverable by the single unit of a sibling
 * @param seconds time spent
 * @param complete false when the search stopped after {@value TableAudit#ENOUGH_FAILURES}
 * failures: the counts are then lower bounds
 * @param complete false when the search stopped after {@value TableAudit#ENOUGH_FAILURES}
 * failures: the counts are then lower bounds
 * @param failures every failure, in the order found
 */
public record TableResult(String tableId, int period, long cells, long published, long secret, long unpublishedPrimary,
		long determined, long intervalChecked, long intervalFailed, long singletonFailed, double seconds,
		boolean complete, List<Failure> failures) {

	public TableResult {
		failures = List.copyOf(failures);
	}

}
