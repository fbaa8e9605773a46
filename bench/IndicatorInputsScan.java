import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The baseline of bench/indicators.sh: the time DuckDB takes to merely scan, once, every column the indicators
 * and peers steps read, in one query ({@code count(*)} and {@code max(column)} of each column of each input
 * table, the tables' aggregates cross-joined), on the warehouse the nightly just published, with the pipeline's
 * settings (memory_limit 2GB, 2 threads). Then the row counts of the steps' outputs. Not part of the application:
 * run as a single-file program with the DuckDB JDBC jar on the class path,
 *
 * <pre>
 *   java -cp duckdb_jdbc.jar bench/IndicatorInputsScan.java WAREHOUSE.duckdb [REPEAT]
 * </pre>
 *
 * A listed column the warehouse does not hold yet is reported as missing and left out of the scan.
 */
public final class IndicatorInputsScan {

	/** Table, then the columns read; an empty list means every column of the table. */
	private static final List<List<String>> INPUTS = List.of(
			List.of("core.establishment", "siret", "commune_code", "is_foreign", "is_active", "etat_administratif",
					"date_creation", "date_debut", "activite_principale", "nomenclature_activite",
					"caractere_employeur"),
			List.of("core.population"), List.of("core.territory_membership"),
			List.of("core.establishment_succession"), List.of("core.territory_peer_group"));

	private static final List<String> OUTPUTS = List.of("mart.indicator_value", "mart.territory_peer");

	private IndicatorInputsScan() {
	}

	public static void main(String[] args) throws SQLException {
		String database = args[0];
		int repeat = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		Properties properties = new Properties();
		properties.setProperty("duckdb.read_only", "true");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database, properties);
				Statement statement = connection.createStatement()) {
			statement.execute("SET memory_limit = '2GB'");
			statement.execute("SET threads = 2");
			List<String> parts = new ArrayList<>();
			int index = 0;
			for (List<String> input : INPUTS) {
				String table = input.get(0);
				List<String> present = columns(connection, table);
				if (present.isEmpty()) {
					System.out.printf("scan: %s absent, not scanned%n", table);
					continue;
				}
				List<String> read = new ArrayList<>();
				List<String> missing = new ArrayList<>();
				for (String column : (input.size() == 1) ? present : input.subList(1, input.size())) {
					(present.contains(column) ? read : missing).add(column);
				}
				long rows = count(connection, table);
				System.out.printf("scan: %s %d rows, columns %s%s%n", table, rows, String.join(", ", read),
						missing.isEmpty() ? "" : " (missing, not scanned: " + String.join(", ", missing) + ")");
				StringBuilder select = new StringBuilder("(select count(*) as n" + index);
				for (String column : read) {
					select.append(", max(\"").append(column).append("\") as m").append(index).append('_').append(column);
				}
				parts.add(select.append(" from ").append(table).append(") as t").append(index).toString());
				index++;
			}
			String query = "select * from " + String.join(", ", parts);
			double best = Double.MAX_VALUE;
			for (int run = 1; run <= repeat; run++) {
				long start = System.nanoTime();
				try (ResultSet result = statement.executeQuery(query)) {
					while (result.next()) {
						result.getObject(1);
					}
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				best = Math.min(best, seconds);
				System.out.printf("scan run %d: %.3f s%n", run, seconds);
			}
			System.out.printf("scan_seconds=%.3f%n", best);
			for (String output : OUTPUTS) {
				System.out.printf("rows %s=%s%n", output,
						columns(connection, output).isEmpty() ? "absent" : String.valueOf(count(connection, output)));
			}
		}
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		String[] name = table.split("\\.");
		List<String> columns = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("select column_name from information_schema.columns "
				+ "where table_schema = ? and table_name = ? order by ordinal_position")) {
			query.setString(1, name[0]);
			query.setString(2, name[1]);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					columns.add(result.getString(1));
				}
			}
		}
		return columns;
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select count(*) from " + table)) {
			result.next();
			return result.getLong(1);
		}
	}

}
