package fr.territoire.peer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;

/**
 * Reads what one level's neighbours are computed from: its territories and their groups
 * ({@code core.territory_peer_group}) and, for each feature, the values of the latest
 * period of its indicator that has values at that level ({@code mart.indicator_value},
 * status {@code ok}). The statements are generated from {@code warehouse/peers.yaml} (the
 * group column is one of {@link PeerSpec#GROUP_COLUMNS}; everything else is a parameter).
 */
final class PeerInputs {

	private static final String VALUES = """
			SELECT territory_code, dimension_code, value
			FROM mart.indicator_value
			WHERE indicator_id = ? AND level = ? AND dimension = ? AND status = 'ok' AND value IS NOT NULL
			  AND period = ?
			""";

	private static final String PERIOD = """
			SELECT max(period) FROM mart.indicator_value
			WHERE indicator_id = ? AND level = ? AND dimension = ? AND status = 'ok' AND value IS NOT NULL
			""";

	/** The period before the latest one with values. */
	private static final String PREVIOUS_PERIOD = PERIOD + """
			  AND period < (SELECT max(period) FROM mart.indicator_value
			                WHERE indicator_id = ? AND level = ? AND dimension = ? AND status = 'ok'
			                  AND value IS NOT NULL)
			""";

	private PeerInputs() {
	}

	/**
	 * The level's coordinates.
	 * @param periods where the period read for each feature is put (absent: no value)
	 */
	static Coordinates read(Connection connection, PeerSpec spec, PeerSpec.Level level, Map<String, Integer> periods) {
		Map<String, String> groupOf = groups(connection, level);
		List<String> codes = new ArrayList<>(groupOf.keySet());
		Map<String, Integer> indexOf = new HashMap<>();
		for (int i = 0; i < codes.size(); i++) {
			indexOf.put(codes.get(i), i);
		}
		int[] groups = groupIndexes(codes, groupOf, level.groupBy() != null);
		List<double[]> columns = new ArrayList<>();
		List<Integer> featureOf = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		double[] weights = new double[spec.features().size()];
		for (int f = 0; f < spec.features().size(); f++) {
			PeerSpec.Feature feature = spec.features().get(f);
			int index = f;
			weights[f] = feature.weight();
			Object[] parameters = { feature.indicator(), level.level(), feature.dimensionOrNone() };
			Integer period = feature.period().equals("previous")
					? period(connection, PREVIOUS_PERIOD, concat(parameters, parameters))
					: period(connection, PERIOD, parameters);
			if (period == null) {
				continue;
			}
			periods.put(feature.name(), period);
			Map<String, double[]> byCode = new TreeMap<>();
			query(connection, VALUES, concat(parameters, new Object[] { period }), (result) -> {
				Integer territory = indexOf.get(result.getString(1));
				if (territory == null) {
					return;
				}
				double[] column = byCode.computeIfAbsent(result.getString(2), (code) -> nan(codes.size()));
				column[territory] = feature.transform().apply(result.getDouble(3));
			});
			if (feature.dimension() != null) {
				zeroForAbsentCodes(byCode.values(), feature.transform().apply(0.0));
			}
			byCode.forEach((code, column) -> {
				columns.add(column);
				featureOf.add(index);
				labels.add((feature.dimension() != null) ? feature.name() + ":" + code : feature.name());
			});
		}
		return new Coordinates(codes, groups, columns.toArray(double[][]::new),
				featureOf.stream().mapToInt(Integer::intValue).toArray(), labels, weights);
	}

	/**
	 * A territory with values for some codes of a dimension has none of the others (rows
	 * are written only for codes it has): those are 0, not unknown.
	 */
	private static void zeroForAbsentCodes(java.util.Collection<double[]> columns, double zero) {
		if (columns.isEmpty()) {
			return;
		}
		int size = columns.iterator().next().length;
		for (int territory = 0; territory < size; territory++) {
			boolean known = false;
			for (double[] column : columns) {
				known |= !Double.isNaN(column[territory]);
			}
			if (known) {
				for (double[] column : columns) {
					if (Double.isNaN(column[territory])) {
						column[territory] = zero;
					}
				}
			}
		}
	}

	/** The territories of the level, sorted by code, with their group value. */
	private static Map<String, String> groups(Connection connection, PeerSpec.Level level) {
		String group = (level.groupBy() != null) ? "CAST(" + level.groupBy() + " AS VARCHAR)" : "NULL";
		Map<String, String> groupOf = new TreeMap<>();
		query(connection, "SELECT territory_code, " + group + " FROM core.territory_peer_group WHERE level = ?",
				new Object[] { level.level() }, (result) -> {
					String code = result.getString(1);
					if (groupOf.containsKey(code)) {
						throw new TerritoireException(ErrorCode.WAREHOUSE, null,
								"core.territory_peer_group has territory " + code + " of level " + level.level()
										+ " twice");
					}
					groupOf.put(code, result.getString(2));
				});
		return groupOf;
	}

	/**
	 * Each territory's group as an index of the sorted group values; -1 for a null one
	 * when grouped, 0 for all when not.
	 */
	private static int[] groupIndexes(List<String> codes, Map<String, String> groupOf, boolean grouped) {
		int[] groups = new int[codes.size()];
		if (!grouped) {
			return groups;
		}
		List<String> values = new ArrayList<>(
				new TreeSet<>(groupOf.values().stream().filter(java.util.Objects::nonNull).toList()));
		for (int i = 0; i < codes.size(); i++) {
			String value = groupOf.get(codes.get(i));
			groups[i] = (value != null) ? values.indexOf(value) : -1;
		}
		return groups;
	}

	private static Integer period(Connection connection, String sql, Object[] parameters) {
		Integer[] period = { null };
		query(connection, sql, parameters, (result) -> {
			int value = result.getInt(1);
			period[0] = result.wasNull() ? null : value;
		});
		return period[0];
	}

	private static double[] nan(int size) {
		double[] column = new double[size];
		java.util.Arrays.fill(column, Double.NaN);
		return column;
	}

	private static Object[] concat(Object[] first, Object[] second) {
		Object[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static void query(Connection connection, String sql, Object[] parameters, RowReader reader) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					reader.read(result);
				}
			}
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"peers: cannot read their inputs (mart.indicator_value from the indicators step, "
							+ "core.territory_peer_group from the model step): " + ex.getMessage(),
					ex);
		}
	}

	/** Reads one row. */
	@FunctionalInterface
	private interface RowReader {

		void read(ResultSet result) throws SQLException;

	}

}
