package fr.territoire.indicator;

import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A declarative indicator, computed for every territory of every level from commune-level
 * measures: value = sum(numerator) / sum(denominator) × scale. Rates are never averaged:
 * they are recomputed at each level from summed numerators and denominators.
 *
 * @param id identifier, lower-case snake case
 * @param label short label for tables and the catalogue
 * @param description what it measures and how
 * @param unit the unit of the value
 * @param numerator a column of {@code mart.commune_measure}
 * @param denominator a column of {@code mart.commune_measure}, or none for a plain count
 * @param scale multiplier of the ratio (e.g. 1000 for "per 1,000 inhabitants")
 * @param decimals decimals kept in the value
 */
public record IndicatorDefinition(String id, String label, String description, String unit, String numerator,
		@Nullable String denominator, @Nullable Double scale, @Nullable Integer decimals) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	public IndicatorDefinition {
		Objects.requireNonNull(id, "id is required");
		Objects.requireNonNull(label, "label is required");
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(unit, "unit is required");
		Objects.requireNonNull(numerator, "numerator is required");
		for (String name : new String[] { id, numerator, (denominator != null) ? denominator : "x" }) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("'" + name + "' must be lower-case snake case");
			}
		}
		if (scale != null && scale <= 0) {
			throw new IllegalArgumentException("scale must be positive");
		}
		if (decimals != null && (decimals < 0 || decimals > 12)) {
			throw new IllegalArgumentException("decimals must be between 0 and 12");
		}
	}

	public double scaleOrOne() {
		return (this.scale != null) ? this.scale : 1.0;
	}

	public int decimalsOrDefault() {
		return (this.decimals != null) ? this.decimals : 4;
	}

}
