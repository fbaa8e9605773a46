package fr.territoire.secrecy;

/** Placeholder until the suppression branch is merged: suppresses nothing. */
public final class SecondarySuppression {

	private SecondarySuppression() {
	}

	public static SuppressionResult protect(java.sql.Connection connection, String tableId, int period,
			SuppressionMethod method, double interval) {
		return new SuppressionResult(tableId, period, 0, 0, 0, 0, 0, 0, java.time.Duration.ZERO);
	}

}
