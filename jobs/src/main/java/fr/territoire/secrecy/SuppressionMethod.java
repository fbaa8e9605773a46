package fr.territoire.secrecy;

/** Placeholder until the suppression branch is merged. */
public enum SuppressionMethod {

	GAUSSIAN, SMALLEST_CELL

}
