package fr.territoire.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.warehouse.Sql;
import org.duckdb.DuckDBConnection;

/**
 * The partners a release credits, read from the public layer's {@code partner} and
 * {@code partner_contribution} (absent in a project without them: nothing is credited):
 * the package's contributors (every partner who delivered a file to the run) and, per
 * published table holding an {@code indicator_id} column, the partners whose data feeds
 * an indicator of its rows, with those indicators.
 *
 * @param contributors the package's contributors, by partner id
 * @param byTable the sources credited per published table name
 */
record PartnerCredits(List<Map<String, Object>> contributors, Map<String, List<Map<String, Object>>> byTable) {

	static final PartnerCredits NONE = new PartnerCredits(List.of(), Map.of());

	PartnerCredits {
		contributors = List.copyOf(contributors);
		byTable = new LinkedHashMap<>(byTable);
	}

	static PartnerCredits read(DuckDBConnection connection, List<PublicationSpec.PublishedTable> tables) {
		if (!exists(connection, "partner") || !exists(connection, "partner_contribution")) {
			return NONE;
		}
		List<Map<String, Object>> contributors = new ArrayList<>();
		for (List<String> row : Sql.queryRows(connection,
				"SELECT partner_id, name, kind_label, licence FROM public.partner WHERE files > 0 ORDER BY partner_id")) {
			contributors.add(OrderedJson.object("title", row.get(1), "role", "contributor", "organization", row.get(2),
					"name", row.get(0), "licence", row.get(3)));
		}
		Map<String, List<Map<String, Object>>> byTable = new LinkedHashMap<>();
		for (PublicationSpec.PublishedTable table : tables) {
			if (!hasIndicatorColumn(connection, table.from())) {
				continue;
			}
			List<Map<String, Object>> sources = new ArrayList<>();
			for (List<String> row : Sql.queryRows(connection,
					"SELECT partner_id, partner_name, string_agg(indicator_id, ',' ORDER BY indicator_id) "
							+ "FROM public.partner_contribution WHERE indicator_id IN (SELECT DISTINCT indicator_id FROM ("
							+ table.rows() + ")) GROUP BY partner_id, partner_name ORDER BY partner_id")) {
				sources.add(OrderedJson.object("title", row.get(1), "name", "partner:" + row.get(0), "indicators",
						List.of(row.get(2).split(","))));
			}
			if (!sources.isEmpty()) {
				byTable.put(table.name(), sources);
			}
		}
		return new PartnerCredits(contributors, byTable);
	}

	private static boolean exists(DuckDBConnection connection, String table) {
		return Sql.queryLong(connection,
				"SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'public' AND table_name = ?", table) > 0;
	}

	private static boolean hasIndicatorColumn(DuckDBConnection connection, String from) {
		String[] parts = from.split("\\.");
		return parts.length == 2 && Sql.queryLong(connection,
				"SELECT count(*) FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
						+ "AND column_name = 'indicator_id'",
				parts[0], parts[1]) > 0;
	}

}
