package fr.territoire.secrecy;

import java.time.Duration;

/**
 * What secondary suppression did to one protected table and period.
 *
 * @param tableId the protected table (the measure's name)
 * @param period the period
 * @param cells every non-empty cell of the table, published or not
 * @param publishedCells the published cells
 * @param primary cells with status {@code secret_primary}, published or not
 * @param secondary cells set to {@code secret_secondary}
 * @param publishedValue sum of the values of the published cells
 * @param suppressedValue sum of the values of the published cells that are secret
 * @param elapsed time spent
 */
public record SuppressionResult(String tableId, int period, long cells, long publishedCells, long primary,
		long secondary, double publishedValue, double suppressedValue, Duration elapsed) {

	/**
	 * The information loss: the share of the published value that is suppressed.
	 * @return suppressedValue / publishedValue, 0 when nothing is published
	 */
	public double loss() {
		return (this.publishedValue > 0) ? this.suppressedValue / this.publishedValue : 0;
	}

}
