package fr.territoire.secrecy;

/**
 * How secondary suppression chooses the cells it hides.
 */
public enum SuppressionMethod {

	/**
	 * Gaussian elimination over the linear relations between cells (after Langsrud's
	 * GaussSuppression): provably leaves no primary cell in the span of the published
	 * cells.
	 */
	GAUSSIAN,

	/**
	 * The baseline: suppress the smallest other cell of each exposed relation, repeated
	 * until stable. Blind to combinations of relations.
	 */
	SMALLEST_CELL

}
