package fr.territoire.indicator;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A declarative indicator ({@code warehouse/indicators/<id>.yaml}), computed for every
 * territory of its levels and every period its measures have, from commune-level measures
 * summed over each territory's communes. Rates are never averaged: they are recomputed at
 * each level from summed numerators and denominators. Names and values are checked
 * against the measure models by {@link IndicatorChecks}, which points at the offending
 * line.
 *
 * @param id identifier, lower-case snake case, the file's name
 * @param label short French label for tables and the catalogue
 * @param description what it measures, how, and the limits of the method
 * @param unit the unit of the value
 * @param formula how numerator and denominator make the value (default {@code ratio})
 * @param numerator a measure: a column listed under {@code measures} of a measure model
 * @param denominator a measure, or none for a plain count
 * @param denominatorPeriod {@code same} (default): the denominator of the same period;
 * {@code latest}: the denominator's latest period, whatever the numerator's
 * @param dimension {@code none} (default), or the classification the values are broken
 * down by (e.g. {@code naf_section}), which must be the numerator measure's
 * @param levels the territorial levels computed (default all five)
 * @param period the period kind; {@code year} is the only one
 * @param source who produces the data, as the release credits it
 * @param vintage which edition of the source, in words
 * @param scale multiplier of the ratio (e.g. 1000 for "per 1,000 inhabitants")
 * @param decimals decimals kept in the value
 * @param secrecy the statistical-secrecy class: {@code none} (public register counts),
 * {@code frequency} or {@code business}
 */
public record IndicatorDefinition(String id, String label, String description, String unit, @Nullable String formula,
		String numerator, @Nullable String denominator,
		@JsonProperty("denominator_period") @Nullable String denominatorPeriod, @Nullable String dimension,
		@Nullable List<String> levels, @Nullable String period, @Nullable String source, @Nullable String vintage,
		@Nullable Double scale, @Nullable Integer decimals, @Nullable String secrecy) {

	/** Every territorial level, from the smallest. */
	public static final List<String> LEVELS = List.of("commune", "epci", "departement", "region", "france");

	public IndicatorDefinition {
		Objects.requireNonNull(id, "id is required");
		Objects.requireNonNull(label, "label is required");
		Objects.requireNonNull(description, "description is required");
		Objects.requireNonNull(unit, "unit is required");
		Objects.requireNonNull(numerator, "numerator is required");
		formula = (formula != null) ? formula : Formula.RATIO.key();
		denominatorPeriod = (denominatorPeriod != null) ? denominatorPeriod : "same";
		dimension = (dimension != null) ? dimension : "none";
		levels = (levels != null) ? List.copyOf(levels) : LEVELS;
		period = (period != null) ? period : "year";
		secrecy = (secrecy != null) ? secrecy : "none";
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

	/** The formula, once {@link IndicatorChecks} has accepted the definition. */
	public Formula requiredFormula() {
		return Formula.of(this.formula).orElseThrow();
	}

	public boolean hasDimension() {
		return !"none".equals(this.dimension);
	}

	public boolean latestDenominator() {
		return "latest".equals(this.denominatorPeriod);
	}

}
