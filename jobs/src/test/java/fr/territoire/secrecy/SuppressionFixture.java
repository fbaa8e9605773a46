package fr.territoire.secrecy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small protected table written by hand into an in-memory DuckDB with the tables of the
 * secrecy contract: inner cells (commune × finest sector) with their value and units, the
 * communes' parents, and which levels are published. Every other cell is summed here in
 * plain Java; a cell is primary when it rests on fewer than 3 units.
 */
final class SuppressionFixture {

	static final String TABLE = "t";

	static final int PERIOD = 2024;

	private final List<String> sectorLevels;

	private final Map<String, String[]> communes = new LinkedHashMap<>();

	private final List<Object[]> inner = new ArrayList<>();

	private final Set<String> unpublishedLevels = new TreeSet<>();

	SuppressionFixture(String... sectorLevels) {
		this.sectorLevels = List.of(sectorLevels);
	}

	/** A commune with its EPCI (null for none), département and région. */
	SuppressionFixture commune(String code, String epci, String departement, String region) {
		this.communes.put(code, new String[] { epci, departement, region });
		return this;
	}

	/** An inner cell: commune × sector codes (coarse → fine), value and units. */
	SuppressionFixture inner(String commune, double value, long units, String... sectors) {
		this.inner.add(new Object[] { commune, List.of(sectors), value, units });
		return this;
	}

	SuppressionFixture unpublished(String level) {
		this.unpublishedLevels.add(level);
		return this;
	}

	/** Writes the tables and returns the connection. */
	Connection load() throws SQLException {
		Connection connection = DriverManager.getConnection("jdbc:duckdb:");
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA mart");
			statement.execute("CREATE SCHEMA core");
			statement.execute("CREATE TABLE mart.secrecy_table (table_id VARCHAR, class VARCHAR, "
					+ "sector_levels VARCHAR[], min_units INTEGER, dominance DOUBLE)");
			statement.execute("CREATE TABLE mart.secrecy_contribution (table_id VARCHAR, period INTEGER, "
					+ "unit_id VARCHAR, commune_code VARCHAR, sector_codes VARCHAR[], value DOUBLE)");
			statement.execute("CREATE TABLE mart.secrecy_cell (table_id VARCHAR, period INTEGER, level VARCHAR, "
					+ "territory_code VARCHAR, sector_level VARCHAR, sector_code VARCHAR, value DOUBLE, units BIGINT, "
					+ "top_share DOUBLE, published BOOLEAN, status VARCHAR)");
			statement.execute("CREATE TABLE core.territory_parent (level VARCHAR, territory_code VARCHAR, "
					+ "epci_code VARCHAR, departement_code VARCHAR, region_code VARCHAR)");
			statement.execute("INSERT INTO mart.secrecy_table VALUES ('" + TABLE + "', 'business', "
					+ array(this.sectorLevels) + ", 3, 0.85)");
		}
		Map<String, String> departementRegion = new LinkedHashMap<>();
		try (PreparedStatement parent = connection
			.prepareStatement("INSERT INTO core.territory_parent VALUES (?, ?, ?, ?, ?)")) {
			for (Map.Entry<String, String[]> commune : this.communes.entrySet()) {
				parent.setString(1, "commune");
				parent.setString(2, commune.getKey());
				parent.setString(3, commune.getValue()[0]);
				parent.setString(4, commune.getValue()[1]);
				parent.setString(5, commune.getValue()[2]);
				parent.executeUpdate();
				departementRegion.put(commune.getValue()[1], commune.getValue()[2]);
			}
			for (Map.Entry<String, String> departement : departementRegion.entrySet()) {
				parent.setString(1, "departement");
				parent.setString(2, departement.getKey());
				parent.setString(3, null);
				parent.setString(4, null);
				parent.setString(5, departement.getValue());
				parent.executeUpdate();
			}
		}
		// every cell: the inner cell summed into each of its territories × sector
		// ancestors
		Map<List<String>, double[]> cells = new LinkedHashMap<>();
		int unit = 0;
		for (Object[] row : this.inner) {
			String commune = (String) row[0];
			@SuppressWarnings("unchecked")
			List<String> sectors = (List<String>) row[1];
			double value = (double) row[2];
			long units = (long) row[3];
			// one row per unit, each an equal share of the value: the contributions tell
			// the
			// same units as the cell's count (the audit reads them)
			try (Statement statement = connection.createStatement()) {
				for (long u = 0; u < Math.max(1, units); u++) {
					statement.execute("INSERT INTO mart.secrecy_contribution VALUES ('" + TABLE + "', " + PERIOD
							+ ", 'u" + (unit++) + "', '" + commune + "', " + array(sectors) + ", "
							+ (value / Math.max(1, units)) + ")");
				}
			}
			String[] parents = this.communes.get(commune);
			List<String[]> territories = new ArrayList<>();
			territories.add(new String[] { "commune", commune });
			if (parents[0] != null) {
				territories.add(new String[] { "epci", parents[0] });
			}
			territories.add(new String[] { "departement", parents[1] });
			territories.add(new String[] { "region", parents[2] });
			territories.add(new String[] { "france", "FR" });
			for (String[] territory : territories) {
				add(cells, List.of(territory[0], territory[1], "total", "_T"), value, units);
				for (int k = 0; k < sectors.size(); k++) {
					add(cells, List.of(territory[0], territory[1], this.sectorLevels.get(k), sectors.get(k)), value,
							units);
				}
			}
		}
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO mart.secrecy_cell VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
			for (Map.Entry<List<String>, double[]> cell : cells.entrySet()) {
				insert.setString(1, TABLE);
				insert.setInt(2, PERIOD);
				insert.setString(3, cell.getKey().get(0));
				insert.setString(4, cell.getKey().get(1));
				insert.setString(5, cell.getKey().get(2));
				insert.setString(6, cell.getKey().get(3));
				insert.setDouble(7, cell.getValue()[0]);
				insert.setLong(8, (long) cell.getValue()[1]);
				insert.setBoolean(9, !this.unpublishedLevels.contains(cell.getKey().get(0)));
				insert.setString(10, (cell.getValue()[1] < 3) ? "secret_primary" : "ok");
				insert.executeUpdate();
			}
		}
		return connection;
	}

	private static void add(Map<List<String>, double[]> cells, List<String> key, double value, long units) {
		double[] sums = cells.computeIfAbsent(key, (k) -> new double[2]);
		sums[0] += value;
		sums[1] += units;
	}

	private static String array(List<String> values) {
		StringBuilder sql = new StringBuilder("[");
		for (int i = 0; i < values.size(); i++) {
			sql.append((i > 0) ? ", " : "").append('\'').append(values.get(i)).append('\'');
		}
		return sql.append("]::VARCHAR[]").toString();
	}

	/** The cells with a given status, as "level territory sector_code". */
	static Set<String> withStatus(Connection connection, String status) throws SQLException {
		Set<String> cells = new TreeSet<>();
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT level, territory_code, sector_code FROM mart.secrecy_cell WHERE status = ? AND table_id = ?")) {
			select.setString(1, status);
			select.setString(2, TABLE);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					cells.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
				}
			}
		}
		return cells;
	}

}
