package fr.territoire.secrecy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent check for small tables, written without the code under test: every cell
 * of {@code mart.secrecy_cell} as a 0/1 vector over the inner cells (read back from the
 * contract's tables with plain maps), and a primary cell is recoverable when its vector
 * restricted to the unknown inner cells lies in the span of the published non-secret
 * cells (dense elimination in doubles: fine for a few dozen unknowns).
 */
final class RecoverabilityCheck {

	private RecoverabilityCheck() {
	}

	static Set<String> recoverablePrimaryCells(Connection connection) throws SQLException {
		return recoverableCells(connection, Set.of("secret_primary"));
	}

	/** Every secret cell, primary or secondary, whose value the published cells give. */
	static Set<String> recoverableSecretCells(Connection connection) throws SQLException {
		return recoverableCells(connection, Set.of("secret_primary", "secret_secondary"));
	}

	private static Set<String> recoverableCells(Connection connection, Set<String> statuses) throws SQLException {
		List<String> sectorLevels = new ArrayList<>();
		Map<String, String[]> parents = new HashMap<>();
		Map<String, List<String>> sectorPaths = new HashMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT unnest(sector_levels) FROM mart.secrecy_table")) {
				while (rows.next()) {
					sectorLevels.add(rows.getString(1));
				}
			}
			try (ResultSet rows = statement.executeQuery("SELECT territory_code, epci_code, departement_code, "
					+ "region_code FROM core.territory_parent WHERE level = 'commune'")) {
				while (rows.next()) {
					parents.put(rows.getString(1), new String[] { rows.getString(1), rows.getString(2),
							rows.getString(3), rows.getString(4), "FR" });
				}
			}
			try (ResultSet rows = statement
				.executeQuery("SELECT DISTINCT array_to_string(sector_codes, '/') FROM mart.secrecy_contribution")) {
				while (rows.next()) {
					List<String> path = (rows.getString(1).isEmpty()) ? List.of()
							: List.of(rows.getString(1).split("/"));
					sectorPaths.put(path.isEmpty() ? "_T" : path.get(path.size() - 1), path);
				}
			}
		}
		String finest = sectorLevels.isEmpty() ? "total" : sectorLevels.get(sectorLevels.size() - 1);
		List<String> levels = List.of("commune", "epci", "departement", "region", "france");
		Map<String, Object[]> cells = new LinkedHashMap<>();
		List<String> inner = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT level, territory_code, sector_level, sector_code, "
						+ "published, status FROM mart.secrecy_cell ORDER BY ALL")) {
			while (rows.next()) {
				String key = rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(4);
				cells.put(key, new Object[] { rows.getString(1), rows.getString(2), rows.getString(3),
						rows.getString(4), rows.getBoolean(5), rows.getString(6) });
				if (rows.getString(1).equals("commune") && rows.getString(3).equals(finest)) {
					inner.add(key);
				}
			}
		}
		Map<String, Integer> unknown = new HashMap<>();
		for (String key : inner) {
			Object[] cell = cells.get(key);
			if (!(boolean) cell[4] || !"ok".equals(cell[5])) {
				unknown.put(key, unknown.size());
			}
		}
		Map<String, double[]> vectors = new LinkedHashMap<>();
		for (Map.Entry<String, Object[]> entry : cells.entrySet()) {
			Object[] cell = entry.getValue();
			double[] vector = new double[unknown.size()];
			for (String key : inner) {
				Object[] part = cells.get(key);
				String[] territories = parents.get((String) part[1]);
				List<String> path = sectorPaths.get((String) part[3]);
				boolean inTerritory = cell[1].equals(territories[levels.indexOf((String) cell[0])]);
				boolean inSector = cell[2].equals("total")
						|| path.get(sectorLevels.indexOf((String) cell[2])).equals(cell[3]);
				if (inTerritory && inSector && unknown.containsKey(key)) {
					vector[unknown.get(key)] = 1;
				}
			}
			vectors.put(entry.getKey(), vector);
		}
		List<double[]> basis = new ArrayList<>();
		List<Integer> pivots = new ArrayList<>();
		for (Map.Entry<String, Object[]> entry : cells.entrySet()) {
			Object[] cell = entry.getValue();
			if ((boolean) cell[4] && "ok".equals(cell[5])) {
				double[] residual = reduce(vectors.get(entry.getKey()), basis, pivots);
				int pivot = -1;
				for (int i = 0; i < residual.length; i++) {
					if (Math.abs(residual[i]) > 1e-9
							&& (pivot < 0 || Math.abs(residual[i]) > Math.abs(residual[pivot]))) {
						pivot = i;
					}
				}
				if (pivot >= 0) {
					basis.add(residual);
					pivots.add(pivot);
				}
			}
		}
		Set<String> recoverable = new TreeSet<>();
		for (Map.Entry<String, Object[]> entry : cells.entrySet()) {
			if (statuses.contains((String) entry.getValue()[5])) {
				double[] residual = reduce(vectors.get(entry.getKey()), basis, pivots);
				boolean zero = true;
				for (double x : residual) {
					zero &= Math.abs(x) < 1e-9;
				}
				if (zero) {
					recoverable.add(entry.getKey());
				}
			}
		}
		return recoverable;
	}

	private static double[] reduce(double[] vector, List<double[]> basis, List<Integer> pivots) {
		double[] residual = vector.clone();
		for (int k = 0; k < basis.size(); k++) {
			double[] b = basis.get(k);
			int pivot = pivots.get(k);
			double factor = residual[pivot] / b[pivot];
			if (factor != 0) {
				for (int i = 0; i < residual.length; i++) {
					residual[i] -= factor * b[i];
				}
			}
		}
		return residual;
	}

}
