package fr.territoire.indicator;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.territoire.warehouse.Sql;

/**
 * Generates the SQL that computes indicators at every territorial level from
 * {@code mart.commune_measure} and {@code core.territory_membership}: one SELECT per
 * indicator YAML, unioned into a view. Ranks and territory names are added by the model
 * {@code warehouse/models/indicators/indicator_value.sql}.
 */
final class IndicatorSql {

	/** The generated view the model {@code mart.indicator_value} reads. */
	static final String VIEW = "mart.indicator_computed";

	/** No indicator: no row, with the columns of one. */
	private static final String NONE = "SELECT CAST(NULL AS VARCHAR) AS indicator_id, CAST(NULL AS VARCHAR) AS level, "
			+ "CAST(NULL AS VARCHAR) AS territory_code, CAST(NULL AS DOUBLE) AS numerator, "
			+ "CAST(NULL AS DOUBLE) AS denominator, CAST(NULL AS DOUBLE) AS value WHERE false";

	private IndicatorSql() {
	}

	/**
	 * The view {@code mart.indicator_computed}: one SELECT per indicator, unioned; the
	 * model {@code warehouse/models/indicators/indicator_value.sql} ranks them.
	 */
	static String build(List<IndicatorDefinition> indicators) {
		String unions = indicators.stream().map(IndicatorSql::one).collect(Collectors.joining("\nUNION ALL\n"));
		return "CREATE OR REPLACE VIEW " + VIEW + " AS\n" + (indicators.isEmpty() ? NONE : unions);
	}

	private static String one(IndicatorDefinition indicator) {
		String numerator = "sum(m." + Sql.identifier(indicator.numerator()) + ")";
		String denominator = (indicator.denominator() != null)
				? "sum(m." + Sql.identifier(indicator.denominator()) + ")" : "NULL";
		String ratio = (indicator.denominator() != null) ? numerator + " / nullif(" + denominator + ", 0)" : numerator;
		String scale = String.format(Locale.ROOT, "%s", indicator.scaleOrOne());
		return """
				SELECT %s AS indicator_id, tm.level, tm.territory_code,
				       CAST(%s AS DOUBLE) AS numerator, CAST(%s AS DOUBLE) AS denominator,
				       round(CAST(%s AS DOUBLE) * %s, %d) AS value
				FROM core.territory_membership tm
				JOIN mart.commune_measure m ON m.commune_code = tm.commune_code
				GROUP BY tm.level, tm.territory_code""".formatted(Sql.literal(indicator.id()), numerator, denominator,
				ratio, scale, indicator.decimalsOrDefault());
	}

}
