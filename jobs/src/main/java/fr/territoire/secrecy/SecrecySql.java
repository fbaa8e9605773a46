package fr.territoire.secrecy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.territoire.warehouse.Sql;

/**
 * The only SQL of the secrecy step written by Java, generated from the indicator YAMLs
 * and the contributions models' YAML: the protected tables ({@code mart.secrecy_table}),
 * their unit-level rows in one shape ({@code mart.secrecy_contribution}) and what their
 * indicators publish ({@code mart.secrecy_publication}). The cells and their primary
 * status are the model {@code warehouse/models/secrecy/secrecy_cell.sql}.
 */
final class SecrecySql {

	private SecrecySql() {
	}

	static String tables(List<ProtectedTable> tables, SecrecySettings settings) {
		String empty = "SELECT CAST(NULL AS VARCHAR) AS table_id, CAST(NULL AS VARCHAR) AS class, "
				+ "CAST(NULL AS VARCHAR[]) AS sector_levels, CAST(NULL AS INTEGER) AS min_units, "
				+ "CAST(NULL AS DOUBLE) AS dominance WHERE false";
		String rows = tables.stream()
			.map((table) -> "SELECT " + Sql.literal(table.measure()) + " AS table_id, "
					+ Sql.literal(table.secrecyClass()) + " AS class, " + list(table.sectors())
					+ " AS sector_levels, CAST(" + settings.minUnits() + " AS INTEGER) AS min_units, CAST("
					+ String.format(Locale.ROOT, "%s", settings.dominance()) + " AS DOUBLE) AS dominance")
			.collect(Collectors.joining("\nUNION ALL\n"));
		return "CREATE OR REPLACE TABLE mart.secrecy_table AS\n" + (tables.isEmpty() ? empty : rows);
	}

	static String contributions(List<ProtectedTable> tables) {
		String empty = "SELECT CAST(NULL AS VARCHAR) AS table_id, CAST(NULL AS INTEGER) AS period, "
				+ "CAST(NULL AS VARCHAR) AS unit_id, CAST(NULL AS VARCHAR) AS commune_code, "
				+ "CAST(NULL AS VARCHAR[]) AS sector_codes, CAST(NULL AS DOUBLE) AS value WHERE false";
		String rows = tables.stream()
			.map((table) -> "SELECT " + Sql.literal(table.measure())
					+ " AS table_id, CAST(period AS INTEGER) AS period, "
					+ "CAST(unit_id AS VARCHAR) AS unit_id, CAST(commune_code AS VARCHAR) AS commune_code, "
					+ codes(table.sectors()) + " AS sector_codes, CAST(" + Sql.identifier(table.measure())
					+ " AS DOUBLE) AS value FROM " + table.model() + " WHERE " + Sql.identifier(table.measure())
					+ " IS NOT NULL")
			.collect(Collectors.joining("\nUNION ALL\n"));
		return "CREATE OR REPLACE TABLE mart.secrecy_contribution AS\n" + (tables.isEmpty() ? empty : rows);
	}

	static String publication(List<ProtectedTable> tables) {
		String rows = tables.stream()
			.flatMap((table) -> table.published()
				.stream()
				.sorted()
				.map((published) -> "(" + Sql.literal(table.measure()) + ", "
						+ Sql.literal(published.substring(0, published.indexOf('|'))) + ", "
						+ Sql.literal(published.substring(published.indexOf('|') + 1)) + ")"))
			.collect(Collectors.joining(", "));
		return "CREATE OR REPLACE TABLE mart.secrecy_publication AS\n" + (rows.isEmpty()
				? "SELECT CAST(NULL AS VARCHAR) AS table_id, CAST(NULL AS VARCHAR) AS level, "
						+ "CAST(NULL AS VARCHAR) AS sector_level WHERE false"
				: "SELECT * FROM (VALUES " + rows + ") AS p(table_id, level, sector_level)");
	}

	private static String list(List<String> values) {
		return "CAST([" + values.stream().map(Sql::literal).collect(Collectors.joining(", ")) + "] AS VARCHAR[])";
	}

	private static String codes(List<String> sectors) {
		return "CAST([" + sectors.stream()
			.map((sector) -> "CAST(" + Sql.identifier(sector) + " AS VARCHAR)")
			.collect(Collectors.joining(", ")) + "] AS VARCHAR[])";
	}

}
