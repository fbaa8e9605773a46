package fr.territoire.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a source declares about its geography, under the key {@code geography:} of its
 * mapping (or of its hand-written staging model's YAML): the staged column holding its
 * commune codes, and optionally an amount to report when codes cannot be mapped. Such a
 * source is harmonised to the target COG vintage without any SQL written for it.
 *
 * @param commune the staged column holding commune codes (a column target of the mapping,
 * or a column of the model's YAML)
 * @param amount a numeric staged column summed to report what unmapped codes carry; when
 * absent, rows are counted
 * @param unit the unit of the amount, e.g. {@code inhabitants}; {@code rows} by default
 * when rows are counted, required with {@code amount}
 */
public record GeographyDeclaration(String commune, @Nullable String amount, @Nullable String unit) {

	public GeographyDeclaration {
		Objects.requireNonNull(commune, "geography.commune is required: the staged column holding commune codes");
		if (commune.isBlank()) {
			throw new IllegalArgumentException(
					"geography.commune is empty: name the staged column holding commune codes");
		}
		if (amount != null && amount.isBlank()) {
			throw new IllegalArgumentException("geography.amount is empty: name a numeric column, or remove the key");
		}
		if (amount != null && unit == null) {
			throw new IllegalArgumentException("geography.unit is required with geography.amount '" + amount
					+ "': say what it counts, e.g. \"inhabitants (population municipale)\"");
		}
		if (unit != null && unit.isBlank()) {
			throw new IllegalArgumentException("geography.unit is empty");
		}
	}

	/** The unit of the reported amount: the declared one, otherwise {@code rows}. */
	public String unitOrDefault() {
		return (this.unit != null) ? this.unit : "rows";
	}

	/** Whether an amount column is summed (otherwise rows are counted). */
	public boolean hasAmount() {
		return this.amount != null;
	}

}
