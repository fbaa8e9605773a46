package fr.territoire.indicator;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.territoire.warehouse.Sql;

/**
 * Generates the SQL that computes indicators at every territorial level from
 * {@code mart.commune_measure} and {@code core.territory_membership}.
 */
final class IndicatorSql {

	private IndicatorSql() {
	}

	static String build(List<IndicatorDefinition> indicators) {
		String unions = indicators.stream().map(IndicatorSql::one).collect(Collectors.joining("\nUNION ALL\n"));
		return """
				CREATE OR REPLACE TABLE mart.indicator_value AS
				WITH computed AS (
				%s
				)
				SELECT c.indicator_id, c.level, c.territory_code, t.name AS territory_name,
				       c.numerator, c.denominator, c.value,
				       CASE WHEN c.value IS NULL THEN NULL
				            ELSE rank() OVER (PARTITION BY c.indicator_id, c.level ORDER BY c.value DESC NULLS LAST) END
				           AS rank_in_level,
				       count(*) OVER (PARTITION BY c.indicator_id, c.level) AS territories_in_level
				FROM computed c
				JOIN core.territory t ON t.level = c.level AND t.code = c.territory_code
				ORDER BY c.indicator_id, t.level_order, c.territory_code""".formatted(unions);
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
