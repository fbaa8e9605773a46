package fr.territoire.support;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import fr.territoire.support.StockFigures.Territory;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One row of {@code mart.indicator_value} (the contract of issue 12), read from a
 * warehouse file, with the assertions the indicator tests make on it.
 *
 * @param numerator the numerator
 * @param denominator the denominator
 * @param value the value
 * @param epciValue the value of the same indicator, period and dimension code at the
 * commune's EPCI
 * @param departementValue the same at its département
 * @param regionValue the same at its région
 * @param franceValue the same for France
 * @param status ok, not_applicable or missing
 * @param shownAs what the row is, for messages
 */
public record IndicatorValueRow(@Nullable Double numerator, @Nullable Double denominator, @Nullable Double value,
		@Nullable Double epciValue, @Nullable Double departementValue, @Nullable Double regionValue,
		@Nullable Double franceValue, @Nullable String status, String shownAs) {

	/** The dimension code of an indicator without dimension. */
	public static final String TOTAL = "_T";

	/** The row of an indicator without dimension. */
	public static Optional<IndicatorValueRow> find(Warehouse warehouse, String indicator, Territory territory,
			int period) throws SQLException {
		return find(warehouse, indicator, territory, period, "none", TOTAL);
	}

	/**
	 * The row of an indicator for a territory, period and dimension code; fails when
	 * there are several.
	 */
	public static Optional<IndicatorValueRow> find(Warehouse warehouse, String indicator, Territory territory,
			int period, String dimension, String dimensionCode) throws SQLException {
		String shownAs = indicator + " " + territory + " " + period
				+ (dimension.equals("none") ? "" : " " + dimension + "=" + dimensionCode);
		List<List<String>> rows = warehouse.rows("""
				SELECT numerator, denominator, value, epci_value, departement_value, region_value, france_value, status
				FROM mart.indicator_value
				WHERE indicator_id = '%s' AND level = '%s' AND territory_code = '%s' AND period = %d
				  AND dimension = '%s' AND dimension_code = '%s'""".formatted(indicator, territory.level(),
				territory.code(), period, dimension, dimensionCode));
		assertThat(rows).as("rows of " + shownAs).hasSizeLessThanOrEqualTo(1);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<String> row = rows.get(0);
		return Optional.of(new IndicatorValueRow(number(row.get(0)), number(row.get(1)), number(row.get(2)),
				number(row.get(3)), number(row.get(4)), number(row.get(5)), number(row.get(6)), row.get(7), shownAs));
	}

	/** The row, which must exist. */
	public static IndicatorValueRow get(Warehouse warehouse, String indicator, Territory territory, int period)
			throws SQLException {
		return find(warehouse, indicator, territory, period).orElseThrow(() -> new AssertionError(
				"no row of mart.indicator_value for " + indicator + " " + territory + " " + period));
	}

	/** The row, which must exist. */
	public static IndicatorValueRow get(Warehouse warehouse, String indicator, Territory territory, int period,
			String dimension, String dimensionCode) throws SQLException {
		return find(warehouse, indicator, territory, period, dimension, dimensionCode)
			.orElseThrow(() -> new AssertionError("no row of mart.indicator_value for " + indicator + " " + territory
					+ " " + period + " " + dimension + "=" + dimensionCode));
	}

	/** A count: the numerator and the value are exactly the count. */
	public IndicatorValueRow isCount(long expected) {
		isOk();
		assertThat(this.numerator).as("numerator of " + this.shownAs).isNotNull();
		assertThat(this.numerator).as("numerator of " + this.shownAs).isEqualTo((double) expected);
		assertThat(this.value).as("value of " + this.shownAs).isEqualTo((double) expected);
		return this;
	}

	/**
	 * A ratio × scale: exact numerator and denominator, and the value within half a unit
	 * of its last decimal of the exact ratio.
	 */
	public IndicatorValueRow isRatio(long numerator, long denominator, double scale, int decimals) {
		isOk();
		assertThat(this.numerator).as("numerator of " + this.shownAs).isEqualTo((double) numerator);
		assertThat(this.denominator).as("denominator of " + this.shownAs).isEqualTo((double) denominator);
		assertThat(this.value).as("value of " + this.shownAs)
			.isNotNull()
			.isCloseTo(scale * numerator / denominator, within(halfUnit(decimals)));
		return this;
	}

	/**
	 * The value within half a unit of its last decimal of an exact figure; for the
	 * comparison columns, see {@link #comparedWith}.
	 */
	public IndicatorValueRow hasValue(double exact, int decimals) {
		isOk();
		assertThat(this.value).as("value of " + this.shownAs).isNotNull().isCloseTo(exact, within(halfUnit(decimals)));
		return this;
	}

	/**
	 * A comparison column (epci, departement, region or france) within half a unit of its
	 * last decimal of an exact figure.
	 */
	public IndicatorValueRow comparedWith(String level, double exact, int decimals) {
		Double compared = switch (level) {
			case "epci" -> this.epciValue;
			case "departement" -> this.departementValue;
			case "region" -> this.regionValue;
			case "france" -> this.franceValue;
			default -> throw new IllegalArgumentException(level);
		};
		assertThat(compared).as(level + "_value of " + this.shownAs)
			.isNotNull()
			.isCloseTo(exact, within(halfUnit(decimals)));
		return this;
	}

	/** A computed value has the status 'ok'. */
	public IndicatorValueRow isOk() {
		assertThat(this.status).as("status of " + this.shownAs).isEqualTo("ok");
		return this;
	}

	/** Half a unit of the last decimal, and a little more for the binary doubles. */
	public static double halfUnit(int decimals) {
		return 0.5 * Math.pow(10, -decimals) + 1e-9;
	}

	private static @Nullable Double number(@Nullable String text) {
		return (text != null) ? Double.valueOf(text) : null;
	}

}
