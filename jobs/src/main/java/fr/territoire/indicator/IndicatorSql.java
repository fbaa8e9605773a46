package fr.territoire.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.territoire.warehouse.Sql;

/**
 * Generates, from the indicator YAMLs, the SQL that computes every indicator at every
 * level of its {@code levels} and every period of its measures: one SELECT per indicator
 * by its {@link Formula}, unioned into the table {@code mart.indicator_computed}.
 * Measures are summed from communes through {@code core.territory_membership}. Names,
 * ranks, references and peer groups are added by the model
 * {@code warehouse/models/indicators/indicator_value.sql}.
 */
final class IndicatorSql {

	/** The generated table the model {@code mart.indicator_value} reads. */
	static final String VIEW = "mart.indicator_computed";

	/** The columns of the view, in order. */
	static final String COLUMNS = "indicator_id, level, territory_code, period, dimension, dimension_code, "
			+ "numerator, denominator, value, status, flag";

	/** No indicator: no row, with the columns of one. */
	private static final String NONE = "SELECT CAST(NULL AS VARCHAR) AS indicator_id, CAST(NULL AS VARCHAR) AS level, "
			+ "CAST(NULL AS VARCHAR) AS territory_code, CAST(NULL AS INTEGER) AS period, "
			+ "CAST(NULL AS VARCHAR) AS dimension, CAST(NULL AS VARCHAR) AS dimension_code, "
			+ "CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, CAST(NULL AS DOUBLE) AS value, "
			+ "CAST(NULL AS VARCHAR) AS status, CAST(NULL AS VARCHAR) AS flag WHERE false";

	/**
	 * The dimension code of a value that is not broken down (SDMX's code for a total).
	 */
	static final String TOTAL = "_T";

	private IndicatorSql() {
	}

	/** The table {@code mart.indicator_computed}: one SELECT per indicator, unioned. */
	static String build(List<IndicatorDefinition> indicators, Map<String, Measure> measures) {
		String unions = indicators.stream()
			.map((indicator) -> "SELECT " + COLUMNS + " FROM (\n" + secret(indicator, one(indicator, measures)) + "\n)")
			.collect(Collectors.joining("\nUNION ALL\n"));
		return "CREATE OR REPLACE TABLE " + VIEW + " AS\n" + (indicators.isEmpty() ? NONE : unions);
	}

	/**
	 * For an indicator under statistical secrecy, its rows with the status of the cells
	 * of {@code mart.secrecy_cell} (built by the secrecy step) they read: the cell
	 * itself, the previous period's for a change, the territory's total for a location
	 * quotient. A value reading a secret cell is secret ({@code secret_primary} before
	 * {@code secret_secondary}); the public layer empties it.
	 */
	static String secret(IndicatorDefinition indicator, String rows) {
		if ("none".equals(indicator.secrecy())) {
			return rows;
		}
		String table = Sql.literal(indicator.numerator());
		String sector = Sql.literal(indicator.hasDimension() ? indicator.dimension() : "total");
		String cell = " ON %1$s.table_id = " + table
				+ " AND %1$s.period = i.period%2$s AND %1$s.level = i.level AND %1$s.territory_code = i.territory_code"
				+ " AND %1$s.sector_level = %3$s AND %1$s.sector_code = %4$s";
		StringBuilder joins = new StringBuilder(
				"\nLEFT JOIN mart.secrecy_cell s" + String.format(cell, "s", "", sector, "i.dimension_code"));
		String statuses = "s.status";
		if (indicator.requiredFormula() == Formula.CHANGE) {
			joins.append("\nLEFT JOIN mart.secrecy_cell sp")
				.append(String.format(cell, "sp", " - 1", sector, "i.dimension_code"));
			statuses += ", sp.status";
		}
		if (indicator.requiredFormula() == Formula.LOCATION_QUOTIENT) {
			joins.append("\nLEFT JOIN mart.secrecy_cell st")
				.append(String.format(cell, "st", "", "'total'", Sql.literal(TOTAL)));
			statuses += ", st.status";
		}
		return "SELECT i.indicator_id, i.level, i.territory_code, i.period, i.dimension, i.dimension_code, "
				+ "i.numerator, i.denominator, i.value, CASE WHEN 'secret_primary' IN (" + statuses
				+ ") THEN 'secret_primary' WHEN 'secret_secondary' IN (" + statuses
				+ ") THEN 'secret_secondary' ELSE i.status END AS status, i.flag\nFROM (\n" + rows + "\n) i" + joins;
	}

	static String one(IndicatorDefinition indicator, Map<String, Measure> measures) {
		Measure numerator = measures.get(indicator.numerator());
		return switch (indicator.requiredFormula()) {
			case RATIO -> ratio(indicator, numerator,
					(indicator.denominator() != null) ? measures.get(indicator.denominator()) : null);
			case CHANGE -> change(indicator, numerator);
			case LOCATION_QUOTIENT, KRUGMAN, HERFINDAHL -> overDimension(indicator, numerator);
		};
	}

	private static String ratio(IndicatorDefinition indicator, Measure numerator, Measure denominator) {
		String n = "CAST(n.num AS DOUBLE)";
		if (denominator == null) {
			return "WITH n AS (" + sum(indicator, numerator, "num", null) + ")\n"
					+ select(indicator, "n", n, "NULL",
							"round(" + n + " * " + scale(indicator) + ", " + indicator.decimalsOrDefault() + ")",
							status(""), "NULL")
					+ "\nFROM n";
		}
		boolean sameTable = denominator.table().equals(numerator.table()) && !indicator.latestDenominator();
		String d = sameTable ? "CAST(n.den AS DOUBLE)" : "CAST(d.den AS DOUBLE)";
		String value = "round(" + n + " / nullif(" + d + ", 0) * " + scale(indicator) + ", "
				+ indicator.decimalsOrDefault() + ")";
		if (sameTable) {
			return "WITH n AS (" + sum(indicator, numerator, "num", denominator) + ")\n"
					+ select(indicator, "n", n, d, value, status(""), "NULL") + "\nFROM n";
		}
		String join = "d.level = n.level AND d.territory_code = n.territory_code"
				+ (indicator.latestDenominator() ? "" : " AND d.period = n.period")
				+ (!denominator.offers("none") ? " AND d.dimension_code = n.dimension_code" : "");
		String denominators = sum(indicator, denominator, "den", null) + (indicator.latestDenominator()
				? " HAVING m.period = (SELECT max(period) FROM " + denominator.table() + ")" : "");
		return "WITH n AS (" + sum(indicator, numerator, "num", null) + "),\nd AS (" + denominators + ")\n"
				+ select(indicator, "n", n, d, value, status(""), "NULL") + "\nFROM n LEFT JOIN d ON " + join;
	}

	private static String change(IndicatorDefinition indicator, Measure numerator) {
		String previous = "CAST(lag(n.num) OVER w AS DOUBLE)";
		String value = "round((CAST(n.num AS DOUBLE) - " + previous + ") / nullif(" + previous + ", 0) * "
				+ scale(indicator) + ", " + indicator.decimalsOrDefault() + ")";
		return "WITH n AS (" + sum(indicator, numerator, "num", null) + ")\n"
				+ select(indicator, "n", "CAST(n.num AS DOUBLE)", previous, value,
						status("WHEN row_number() OVER w = 1 THEN 'not_applicable' "), "NULL")
				+ "\nFROM n\nWINDOW w AS (PARTITION BY n.level, n.territory_code, n.dimension_code ORDER BY n.period)";
	}

	/**
	 * Location quotient, Krugman and Herfindahl: each code's count against the
	 * territory's total over codes (E_t), France's count of the code (E_s) and France's
	 * total (E).
	 */
	private static String overDimension(IndicatorDefinition indicator, Measure numerator) {
		String column = Sql.identifier(numerator.name());
		String france = "FROM " + numerator.table()
				+ " m JOIN core.territory_membership tm ON tm.commune_code = m.commune_code AND tm.level = 'france'";
		String with = "WITH n AS (" + sum(indicator, numerator, "num", null) + "),\n"
				+ "t AS (SELECT level, territory_code, period, sum(num) AS e_t FROM n GROUP BY ALL),\n"
				+ "fs AS (SELECT m.period, " + numerator.codeOf(indicator.dimension()) + " AS dimension_code, sum(m."
				+ column + ") AS e_s " + france + " GROUP BY ALL),\n" + "f AS (SELECT m.period, sum(m." + column
				+ ") AS e " + france + " GROUP BY ALL),\n"
				+ "x AS (SELECT n.*, t.e_t, fs.e_s, f.e, CAST(n.num AS DOUBLE) / t.e_t AS share,\n"
				+ "  CAST(fs.e_s - n.num AS DOUBLE) / nullif(f.e - t.e_t, 0) AS rest_share\n"
				+ "  FROM n JOIN t USING (level, territory_code, period) JOIN fs USING (period, dimension_code)"
				+ " JOIN f USING (period) WHERE t.e_t > 0)\n";
		int decimals = indicator.decimalsOrDefault();
		String notApplicableAtFrance = "WHEN x.level = 'france' THEN 'not_applicable' ";
		return switch (indicator.requiredFormula()) {
			case LOCATION_QUOTIENT -> with + select(indicator, "x", "CAST(x.num AS DOUBLE)", "x.e_t * x.rest_share",
					"round(x.share / nullif(x.rest_share, 0), " + decimals + ")",
					status(notApplicableAtFrance + "WHEN x.rest_share = 0 THEN 'not_applicable' "),
					"CASE WHEN x.e_t * x.rest_share < 5 THEN 'expected_below_5' END") + "\nFROM x";
			// ½ (Σ |n·R − r·E_t| + E_t·R − Σ r·E_t) / (E_t·R), R the rest of France's
			// total and
			// r its count of the code: exact sums, whose rounding does not depend on the
			// order
			// of the rows as a sum of doubles does
			case KRUGMAN -> with + summary(indicator,
					"round(0.5 * CAST(sum(abs(x.num * (x.e - x.e_t) - (x.e_s - x.num) * x.e_t)) + x.e_t * (max(x.e) - x.e_t)"
							+ " - sum((x.e_s - x.num) * x.e_t) AS DOUBLE) / nullif(CAST(x.e_t AS DOUBLE) * CAST(max(x.e)"
							+ " - x.e_t AS DOUBLE), 0), " + decimals + ")",
					status(notApplicableAtFrance));
			// Σ n² / E_t², the squares summed as exact numbers: a sum of squared shares
			// as
			// doubles depends on the order of the rows, and so does its rounding
			case HERFINDAHL -> with + summary(indicator, "round(CAST(sum(x.num * x.num) AS DOUBLE) / (CAST(x.e_t AS "
					+ "DOUBLE) * CAST(x.e_t AS DOUBLE)), " + decimals + ")", status(""));
			default -> throw new IllegalStateException(indicator.formula());
		};
	}

	/** One value per territory and period over every code of the dimension. */
	private static String summary(IndicatorDefinition indicator, String value, String status) {
		return "SELECT " + Sql.literal(indicator.id()) + " AS indicator_id, x.level, x.territory_code, x.period, "
				+ Sql.literal(indicator.dimension()) + " AS dimension, " + Sql.literal(TOTAL)
				+ " AS dimension_code, CAST(x.e_t AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, "
				+ value + " AS value, " + status.replace("VALUE", value) + " AS status, CAST(NULL AS VARCHAR) AS flag\n"
				+ "FROM x GROUP BY x.level, x.territory_code, x.period, x.e_t";
	}

	/**
	 * A measure summed over each territory's communes, by level, territory, period and
	 * dimension code ({@value #TOTAL} without dimension); with a second measure of the
	 * same table summed alongside as {@code den}.
	 */
	private static String sum(IndicatorDefinition indicator, Measure measure, String alias, Measure alongside) {
		String code = measure.offers(indicator.dimension()) ? measure.codeOf(indicator.dimension())
				: Sql.literal(TOTAL);
		String levels = indicator.levels().stream().map(Sql::literal).collect(Collectors.joining(", "));
		return "SELECT tm.level, tm.territory_code, m.period, " + code + " AS dimension_code, sum(m."
				+ Sql.identifier(measure.name()) + ") AS " + alias
				+ ((alongside != null) ? ", sum(m." + Sql.identifier(alongside.name()) + ") AS den" : "") + " FROM "
				+ measure.table()
				+ " m JOIN core.territory_membership tm ON tm.commune_code = m.commune_code WHERE tm.level IN ("
				+ levels + ") GROUP BY tm.level, tm.territory_code, m.period, " + code;
	}

	private static String select(IndicatorDefinition indicator, String from, String numerator, String denominator,
			String value, String status, String flag) {
		return "SELECT " + Sql.literal(indicator.id()) + " AS indicator_id, " + from + ".level, " + from
				+ ".territory_code, " + from + ".period, " + Sql.literal(indicator.dimension()) + " AS dimension, "
				+ from + ".dimension_code, " + numerator + " AS numerator, CAST(" + denominator
				+ " AS DOUBLE) AS denominator, " + value + " AS value, " + status.replace("VALUE", value)
				+ " AS status, CAST(" + flag + " AS VARCHAR) AS flag";
	}

	/** ok, missing when there is no value, and the formula's own not-applicable cases. */
	private static String status(String notApplicable) {
		return "CASE " + notApplicable + "WHEN VALUE IS NULL THEN 'missing' ELSE 'ok' END";
	}

	private static String scale(IndicatorDefinition indicator) {
		return String.format(Locale.ROOT, "%s", indicator.scaleOrOne());
	}

}
