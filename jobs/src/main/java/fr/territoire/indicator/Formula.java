package fr.territoire.indicator;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an indicator's value is made from its measures, each summed over the territory's
 * communes.
 */
public enum Formula {

	/** numerator / denominator × scale, or the numerator alone without denominator. */
	RATIO("ratio"),

	/**
	 * Relative change of the numerator since its previous period, × scale: (N − N₋₁) /
	 * N₋₁.
	 */
	CHANGE("change"),

	/**
	 * Location quotient against the rest of France, (E_ts/E_t) ÷ ((E_s − E_ts)/(E −
	 * E_t)): the numerator's count in code s over the count the territory would have with
	 * the structure of the rest of France (the expected count, kept as denominator).
	 */
	LOCATION_QUOTIENT("location_quotient"),

	/**
	 * Krugman specialisation over the codes of the dimension, ½ Σ_s |E_ts/E_t − (E_s −
	 * E_ts)/(E − E_t)|: 0 for the structure of the rest of France, 1 for none of it.
	 */
	KRUGMAN("krugman"),

	/** Herfindahl concentration over the codes of the dimension, Σ_s (E_ts/E_t)². */
	HERFINDAHL("herfindahl");

	private final String key;

	Formula(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

	/** Whether it is computed over the codes of a dimension of its numerator. */
	public boolean overDimension() {
		return this == LOCATION_QUOTIENT || this == KRUGMAN || this == HERFINDAHL;
	}

	/** Whether its rows are one per code (true) or one summary over the codes. */
	public boolean perCode() {
		return this != KRUGMAN && this != HERFINDAHL;
	}

	public static Optional<Formula> of(String key) {
		return Arrays.stream(values()).filter((formula) -> formula.key.equals(key)).findFirst();
	}

}
