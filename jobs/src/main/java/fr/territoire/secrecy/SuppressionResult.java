package fr.territoire.secrecy;

/** Placeholder until the suppression branch is merged. */
public record SuppressionResult(String tableId, int period, long cells, long publishedCells, long primary,
		long secondary, double publishedValue, double suppressedValue, java.time.Duration elapsed) {
}
