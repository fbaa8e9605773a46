package fr.territoire.secrecy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One protected table and period in primitive arrays: its cells, the inner cells (commune
 * × finest sector) each cell sums, and the relations (parent = Σ children) of both
 * territorial hierarchies and of the sector hierarchy.
 */
final class SuppressionTable {

	static final String[] LEVELS = { "commune", "epci", "departement", "region", "france" };

	static final byte OK = 0;

	static final byte PRIMARY = 1;

	static final byte SECONDARY = 2;

	final String tableId;

	final int period;

	/**
	 * Sector levels coarse → fine; sector level index 0 is 'total', k is
	 * sectorLevels[k-1].
	 */
	final List<String> sectorLevels;

	final int cellCount;

	final byte[] level;

	final int[] territory;

	final int[] sector;

	final double[] value;

	final long[] units;

	final boolean[] published;

	/** Status as read: OK or PRIMARY (an earlier secondary status is read as OK). */
	final byte[] status;

	final List<String> territoryCodes = new ArrayList<>();

	final List<String> sectorCodes = new ArrayList<>();

	/** Sector level index of each sector id. */
	private int[] sectorLevelOf = new int[16];

	/** Sector id → parent sector id (-1 for the total). */
	private int[] sectorParent = new int[16];

	private final List<Map<String, Integer>> territoryIds = new ArrayList<>();

	private final Map<String, Integer> sectorIds = new HashMap<>();

	final int innerCount;

	/** Inner index → cell. */
	final int[] innerCell;

	/** Cell → inner index, or -1. */
	final int[] innerOf;

	/** Cell → its inner cells (CSR). */
	final int[] supportStart;

	final int[] support;

	/** Relation → members (CSR); member 0 is the parent. */
	final int[] relationStart;

	final int[] relationMembers;

	/** Commune territory id → EPCI territory id (-1 for none), filled by link. */
	int[] communeEpci = new int[0];

	/** Commune territory id → département territory id, filled by link. */
	int[] communeDepartement = new int[0];

	/** Cell → relations it belongs to (CSR). */
	final int[] memberStart;

	final int[] memberRelations;

	private SuppressionTable(String tableId, int period, List<String> sectorLevels, int cellCount) {
		this.tableId = tableId;
		this.period = period;
		this.sectorLevels = sectorLevels;
		this.cellCount = cellCount;
		this.level = new byte[cellCount];
		this.territory = new int[cellCount];
		this.sector = new int[cellCount];
		this.value = new double[cellCount];
		this.units = new long[cellCount];
		this.published = new boolean[cellCount];
		this.status = new byte[cellCount];
		for (int i = 0; i < LEVELS.length; i++) {
			this.territoryIds.add(new HashMap<>());
		}
		this.innerOf = new int[cellCount];
		this.innerCell = null;
		this.innerCount = 0;
		this.supportStart = null;
		this.support = null;
		this.relationStart = null;
		this.relationMembers = null;
		this.memberStart = null;
		this.memberRelations = null;
	}

	private SuppressionTable(SuppressionTable base, int[] innerCell, int[] supportStart, int[] support,
			int[] relationStart, int[] relationMembers, int[] memberStart, int[] memberRelations) {
		this.tableId = base.tableId;
		this.period = base.period;
		this.sectorLevels = base.sectorLevels;
		this.cellCount = base.cellCount;
		this.level = base.level;
		this.territory = base.territory;
		this.sector = base.sector;
		this.value = base.value;
		this.units = base.units;
		this.published = base.published;
		this.status = base.status;
		this.territoryCodes.addAll(base.territoryCodes);
		this.sectorCodes.addAll(base.sectorCodes);
		this.sectorLevelOf = base.sectorLevelOf;
		this.sectorParent = base.sectorParent;
		this.territoryIds.addAll(base.territoryIds);
		this.sectorIds.putAll(base.sectorIds);
		this.innerOf = base.innerOf;
		this.innerCell = innerCell;
		this.innerCount = innerCell.length;
		this.supportStart = supportStart;
		this.support = support;
		this.relationStart = relationStart;
		this.relationMembers = relationMembers;
		this.memberStart = memberStart;
		this.memberRelations = memberRelations;
		this.communeEpci = base.communeEpci;
		this.communeDepartement = base.communeDepartement;
	}

	int sectorParent(int sectorId) {
		return this.sectorParent[sectorId];
	}

	int relationCount() {
		return this.relationStart.length - 1;
	}

	int supportSize(int cell) {
		return this.supportStart[cell + 1] - this.supportStart[cell];
	}

	String sectorLevelName(int cell) {
		int index = this.sectorLevelOf[this.sector[cell]];
		return (index == 0) ? "total" : this.sectorLevels.get(index - 1);
	}

	String describe(int cell) {
		return String.format(Locale.ROOT, "%s %s × %s %s", LEVELS[this.level[cell]],
				this.territoryCodes.get(this.territory[cell]), sectorLevelName(cell),
				this.sectorCodes.get(this.sector[cell]));
	}

	/**
	 * Reads one table and period from the warehouse.
	 * @param connection the warehouse
	 * @param tableId the table
	 * @param period the period
	 * @return the table
	 * @throws IllegalStateException on inconsistent input
	 */
	static SuppressionTable read(Connection connection, String tableId, int period) throws SQLException {
		List<String> sectorLevels = sectorLevels(connection, tableId);
		int count;
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT count(*) FROM mart.secrecy_cell WHERE table_id = ? AND period = ?")) {
			statement.setString(1, tableId);
			statement.setInt(2, period);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				count = rows.getInt(1);
			}
		}
		SuppressionTable table = new SuppressionTable(tableId, period, sectorLevels, count);
		table.readSectorParentage(connection);
		table.readCells(connection);
		return table.link(connection);
	}

	private static List<String> sectorLevels(Connection connection, String tableId) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT sector_levels FROM mart.secrecy_table WHERE table_id = ?")) {
			statement.setString(1, tableId);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("table " + tableId + " is not in mart.secrecy_table");
				}
				List<String> levels = new ArrayList<>();
				java.sql.Array array = rows.getArray(1);
				if (array != null) {
					for (Object level : (Object[]) array.getArray()) {
						levels.add(level.toString());
					}
				}
				return List.copyOf(levels);
			}
		}
	}

	private int sectorId(int levelIndex, String code) {
		String key = levelIndex + "\u0000" + code;
		Integer id = this.sectorIds.get(key);
		if (id == null) {
			id = this.sectorCodes.size();
			this.sectorCodes.add(code);
			if (id == this.sectorLevelOf.length) {
				this.sectorLevelOf = Arrays.copyOf(this.sectorLevelOf, id * 2);
				this.sectorParent = Arrays.copyOf(this.sectorParent, id * 2);
			}
			this.sectorLevelOf[id] = levelIndex;
			this.sectorParent[id] = -2;
			this.sectorIds.put(key, id);
		}
		return id;
	}

	private int territoryId(int levelIndex, String code) {
		return this.territoryIds.get(levelIndex).computeIfAbsent(code, (key) -> {
			this.territoryCodes.add(key);
			return this.territoryCodes.size() - 1;
		});
	}

	private void readSectorParentage(Connection connection) throws SQLException {
		int total = sectorId(0, "_T");
		this.sectorParent[total] = -1;
		int depth = this.sectorLevels.size();
		if (depth == 0) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT DISTINCT sector_codes FROM mart.secrecy_contribution WHERE table_id = ? AND period = ?")) {
			statement.setString(1, this.tableId);
			statement.setInt(2, this.period);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					Object[] codes = (Object[]) rows.getArray(1).getArray();
					if (codes.length != depth) {
						throw new IllegalStateException("table " + this.tableId + ": a contribution has " + codes.length
								+ " sector codes, the table has " + depth + " sector levels");
					}
					int parent = total;
					for (int k = 0; k < depth; k++) {
						if (codes[k] == null) {
							throw new IllegalStateException(
									"table " + this.tableId + ": a contribution has no " + this.sectorLevels.get(k));
						}
						int id = sectorId(k + 1, codes[k].toString());
						if (this.sectorParent[id] == -2) {
							this.sectorParent[id] = parent;
						}
						else if (this.sectorParent[id] != parent) {
							throw new IllegalStateException("table " + this.tableId + ": " + this.sectorLevels.get(k)
									+ " " + codes[k] + " has two parents, " + this.sectorCodes.get(parent) + " and "
									+ this.sectorCodes.get(this.sectorParent[id]));
						}
						parent = id;
					}
				}
			}
		}
	}

	private void readCells(Connection connection) throws SQLException {
		Map<String, Integer> levelIndex = new HashMap<>();
		for (int i = 0; i < LEVELS.length; i++) {
			levelIndex.put(LEVELS[i], i);
		}
		Map<String, Integer> sectorLevelIndex = new HashMap<>();
		sectorLevelIndex.put("total", 0);
		for (int k = 0; k < this.sectorLevels.size(); k++) {
			sectorLevelIndex.put(this.sectorLevels.get(k), k + 1);
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT level, territory_code, sector_level, sector_code, value, units, published, status "
						+ "FROM mart.secrecy_cell WHERE table_id = ? AND period = ? "
						+ "ORDER BY level, territory_code, sector_level, sector_code")) {
			statement.setString(1, this.tableId);
			statement.setInt(2, this.period);
			try (ResultSet rows = statement.executeQuery()) {
				int cell = 0;
				while (rows.next()) {
					if (cell >= this.cellCount) {
						throw new IllegalStateException("mart.secrecy_cell changed while being read");
					}
					Integer levelAt = levelIndex.get(rows.getString(1));
					Integer sectorLevelAt = sectorLevelIndex.get(rows.getString(3));
					if (levelAt == null || sectorLevelAt == null) {
						throw new IllegalStateException("table " + this.tableId + ": cell of unknown level "
								+ rows.getString(1) + " × " + rows.getString(3));
					}
					this.level[cell] = levelAt.byteValue();
					this.territory[cell] = territoryId(levelAt, rows.getString(2));
					String code = rows.getString(4);
					Integer sectorAt = this.sectorIds.get(sectorLevelAt + "\u0000" + code);
					if (sectorAt == null) {
						throw new IllegalStateException("table " + this.tableId + ": sector " + code + " of cell "
								+ rows.getString(1) + " " + rows.getString(2) + " appears in no contribution");
					}
					this.sector[cell] = sectorAt;
					this.value[cell] = rows.getDouble(5);
					this.units[cell] = rows.getLong(6);
					this.published[cell] = rows.getBoolean(7);
					String status = rows.getString(8);
					this.status[cell] = "secret_primary".equals(status) ? PRIMARY : OK;
					cell++;
				}
				if (cell != this.cellCount) {
					throw new IllegalStateException("mart.secrecy_cell changed while being read");
				}
			}
		}
	}

	/** Builds the inner cells, the supports and the relations. */
	private SuppressionTable link(Connection connection) throws SQLException {
		int sectorCount = this.sectorCodes.size();
		LongIntMap cells = new LongIntMap(this.cellCount);
		for (int cell = 0; cell < this.cellCount; cell++) {
			cells.put(key(this.territory[cell], this.sector[cell], sectorCount), cell);
		}
		int finest = this.sectorLevels.size();
		// territorial parents of communes and départements
		int territoryCount = this.territoryCodes.size();
		int[] epci = new int[territoryCount];
		int[] departement = new int[territoryCount];
		int[] region = new int[territoryCount];
		Arrays.fill(epci, -2);
		Arrays.fill(departement, -2);
		Arrays.fill(region, -2);
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT level, territory_code, epci_code, departement_code, region_code FROM core.territory_parent "
						+ "WHERE level IN ('commune', 'departement')")) {
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					boolean commune = "commune".equals(rows.getString(1));
					Integer id = this.territoryIds.get(commune ? 0 : 2).get(rows.getString(2));
					if (id == null) {
						continue;
					}
					String epciCode = rows.getString(3);
					String departementCode = rows.getString(4);
					String regionCode = rows.getString(5);
					if (commune) {
						epci[id] = (epciCode != null) ? territoryIdOrMissing(1, epciCode) : -1;
						departement[id] = (departementCode != null) ? territoryIdOrMissing(2, departementCode) : -3;
					}
					region[id] = (regionCode != null) ? territoryIdOrMissing(3, regionCode) : -3;
				}
			}
		}
		this.communeEpci = epci;
		this.communeDepartement = departement;
		int france = territoryIdOrMissing(4, "FR");
		// inner cells
		int innerCount = 0;
		for (int cell = 0; cell < this.cellCount; cell++) {
			boolean inner = this.level[cell] == 0 && this.sectorLevelOf[this.sector[cell]] == finest;
			this.innerOf[cell] = inner ? innerCount++ : -1;
		}
		int[] innerCell = new int[innerCount];
		for (int cell = 0; cell < this.cellCount; cell++) {
			if (this.innerOf[cell] >= 0) {
				innerCell[this.innerOf[cell]] = cell;
			}
		}
		// ancestors of each inner cell: territories × sectors
		int width = 5 * (finest + 1);
		int[] ancestors = new int[innerCount * width];
		int[] territories = new int[5];
		int[] sectors = new int[finest + 1];
		int[] counts = new int[this.cellCount + 1];
		for (int inner = 0; inner < innerCount; inner++) {
			int cell = innerCell[inner];
			int commune = this.territory[cell];
			if (departement[commune] == -2) {
				throw new IllegalStateException("table " + this.tableId + ": commune "
						+ this.territoryCodes.get(commune) + " has no row in core.territory_parent");
			}
			if (departement[commune] == -3 || region[commune] < 0) {
				throw new IllegalStateException("table " + this.tableId + ": commune "
						+ this.territoryCodes.get(commune) + " has no département or région in core.territory_parent");
			}
			territories[0] = commune;
			territories[1] = epci[commune];
			territories[2] = departement[commune];
			territories[3] = region[commune];
			territories[4] = france;
			int s = this.sector[cell];
			for (int k = finest; k >= 0; k--) {
				sectors[k] = s;
				s = (k > 0) ? this.sectorParent[s] : s;
			}
			for (int t = 0; t < 5; t++) {
				for (int k = 0; k <= finest; k++) {
					int ancestor = -1;
					if (territories[t] >= 0) {
						ancestor = cells.get(key(territories[t], sectors[k], sectorCount));
					}
					if (ancestor < 0 && territories[t] != -1) {
						throw new IllegalStateException("table " + this.tableId + ": cell " + describe(cell)
								+ " is part of a cell absent from mart.secrecy_cell (" + LEVELS[t] + " "
								+ ((territories[t] >= 0) ? this.territoryCodes.get(territories[t]) : "?") + " × "
								+ this.sectorCodes.get(sectors[k]) + ")");
					}
					ancestors[inner * width + t * (finest + 1) + k] = ancestor;
					if (ancestor >= 0) {
						counts[ancestor + 1]++;
					}
				}
			}
		}
		int[] supportStart = counts;
		for (int cell = 0; cell < this.cellCount; cell++) {
			if (supportStart[cell + 1] == 0) {
				throw new IllegalStateException(
						"table " + this.tableId + ": cell " + describe(cell) + " sums no commune cell");
			}
			supportStart[cell + 1] += supportStart[cell];
		}
		int[] support = new int[supportStart[this.cellCount]];
		int[] fill = Arrays.copyOf(supportStart, this.cellCount);
		for (int inner = 0; inner < innerCount; inner++) {
			for (int a = 0; a < width; a++) {
				int ancestor = ancestors[inner * width + a];
				if (ancestor >= 0) {
					support[fill[ancestor]++] = inner;
				}
			}
		}
		ancestors = null;
		// relations: (parent, child) pairs, grouped by parent and kind
		IntList parents = new IntList();
		IntList children = new IntList();
		IntList kinds = new IntList();
		for (int cell = 0; cell < this.cellCount; cell++) {
			int t = this.territory[cell];
			int s = this.sector[cell];
			switch (this.level[cell]) {
				case 0 -> {
					if (epci[t] >= 0) {
						pair(parents, children, kinds, cells.get(key(epci[t], s, sectorCount)), cell, 0);
					}
					pair(parents, children, kinds, cells.get(key(departement[t], s, sectorCount)), cell, 1);
				}
				case 2 -> {
					if (region[t] < 0) {
						throw new IllegalStateException("table " + this.tableId + ": département "
								+ this.territoryCodes.get(t) + " has no région in core.territory_parent");
					}
					pair(parents, children, kinds, cells.get(key(region[t], s, sectorCount)), cell, 2);
				}
				case 3 -> pair(parents, children, kinds, cells.get(key(france, s, sectorCount)), cell, 3);
				default -> {
				}
			}
			int parentSector = this.sectorParent[s];
			if (parentSector >= 0) {
				pair(parents, children, kinds, cells.get(key(t, parentSector, sectorCount)), cell, 4);
			}
		}
		int pairs = parents.size();
		long[] byParent = new long[pairs];
		for (int i = 0; i < pairs; i++) {
			byParent[i] = ((long) (parents.get(i) * 5 + kinds.get(i)) << 32) | children.get(i);
		}
		Arrays.sort(byParent);
		IntList relationStart = new IntList();
		IntList relationMembers = new IntList();
		for (int i = 0; i < pairs; i++) {
			int group = (int) (byParent[i] >>> 32);
			if (i == 0 || (int) (byParent[i - 1] >>> 32) != group) {
				relationStart.add(relationMembers.size());
				relationMembers.add(group / 5);
			}
			relationMembers.add((int) byParent[i]);
		}
		relationStart.add(relationMembers.size());
		int[] starts = relationStart.toArray();
		int[] members = relationMembers.toArray();
		checkSums(starts, members);
		int[] memberStart = new int[this.cellCount + 1];
		for (int member : members) {
			memberStart[member + 1]++;
		}
		for (int cell = 0; cell < this.cellCount; cell++) {
			memberStart[cell + 1] += memberStart[cell];
		}
		int[] memberRelations = new int[members.length];
		int[] memberFill = Arrays.copyOf(memberStart, this.cellCount);
		for (int relation = 0; relation + 1 < starts.length; relation++) {
			for (int m = starts[relation]; m < starts[relation + 1]; m++) {
				memberRelations[memberFill[members[m]]++] = relation;
			}
		}
		return new SuppressionTable(this, innerCell, supportStart, support, starts, members, memberStart,
				memberRelations);
	}

	private void checkSums(int[] starts, int[] members) {
		for (int relation = 0; relation + 1 < starts.length; relation++) {
			double parent = this.value[members[starts[relation]]];
			double sum = 0;
			for (int m = starts[relation] + 1; m < starts[relation + 1]; m++) {
				sum += this.value[members[m]];
			}
			if (Math.abs(parent - sum) > 1e-6 * Math.max(1, Math.abs(parent))) {
				throw new IllegalStateException(
						"table " + this.tableId + ": cell " + describe(members[starts[relation]]) + " has value "
								+ parent + " but its parts sum to " + sum);
			}
		}
	}

	private int territoryIdOrMissing(int levelIndex, String code) {
		Integer id = this.territoryIds.get(levelIndex).get(code);
		return (id != null) ? id : -4;
	}

	private void pair(IntList parents, IntList children, IntList kinds, int parent, int child, int kind) {
		if (parent < 0) {
			throw new IllegalStateException("table " + this.tableId + ": cell " + describe(child)
					+ " has no parent cell in mart.secrecy_cell (relation " + kind + ")");
		}
		parents.add(parent);
		children.add(child);
		kinds.add(kind);
	}

	private static long key(int territory, int sector, int sectorCount) {
		return (long) territory * sectorCount + sector;
	}

}
