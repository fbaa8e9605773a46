package fr.territoire.disclosure;

/**
 * A failing cell or row of the audit, located without its value.
 *
 * @param tableId the protected table
 * @param period the period
 * @param where level, territory, sector level and sector code
 * @param status the cell's published status ({@code ok}, {@code secret_primary},
 * {@code secret_secondary} or {@code unpublished})
 * @param reason what the audit found
 */
public record Failure(String tableId, int period, String where, String status, String reason) {

	@Override
	public String toString() {
		return "table " + this.tableId + ", period " + this.period + ", " + this.where + ", status " + this.status
				+ ": " + this.reason;
	}

}
