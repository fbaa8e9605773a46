package fr.territoire.disclosure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit's own true table of one protected table and period: every non-empty cell
 * (territory × sector node) with its value, its units and its largest unit's
 * contribution, and the sector tree read from the contributions. A cell absent from it is
 * a structural zero.
 */
final class Cells {

	final ProtectedTable table;

	final Territories territories;

	// sector nodes: depth, code, parent node, children nodes
	private final Map<String, Integer> sectorIds = new HashMap<>();

	final List<String> sectorCodes = new ArrayList<>();

	final List<Integer> sectorDepths = new ArrayList<>();

	int[] sectorParent = new int[0];

	int[] sectorDepth = new int[0];

	int[][] sectorChildren = new int[0][];

	private final List<String> sectorParentCodes = new ArrayList<>();

	/**
	 * Sector nodes per territory: the cell key is {@code territory * STRIDE + sector}.
	 */
	static final long STRIDE = 1L << 24;

	int size;

	int[] territory = new int[1024];

	int[] sector = new int[1024];

	double[] value = new double[1024];

	int[] units = new int[1024];

	double[] top = new double[1024];

	final LongIntMap index = new LongIntMap(1024);

	Cells(ProtectedTable table, Territories territories) {
		this.table = table;
		this.territories = territories;
		sectorId(0, "_T", null);
	}

	static Cells read(Connection connection, String sql, ProtectedTable table, int period, Territories territories) {
		Cells cells = new Cells(table, territories);
		int before = territories.size();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table.tableId());
			statement.setInt(2, period);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					int level = Arrays.asList(Territories.LEVELS).indexOf(rows.getString(1));
					String territoryCode = rows.getString(2);
					int depth = rows.getInt(3);
					String sectorCode = rows.getString(4);
					String parentCode = rows.getString(5);
					if (level < 0 || territoryCode == null || sectorCode == null
							|| depth > table.sectorLevels().size()) {
						continue;
					}
					int t = territories.find(level, territoryCode);
					if (t < 0) {
						t = territories.id(level, territoryCode);
					}
					int s = cells.sectorId(depth, sectorCode, parentCode);
					cells.add(t, s, rows.getDouble(6), rows.getInt(7), rows.getDouble(8));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot aggregate the contributions of " + table.tableId() + " for "
					+ period + ": " + ex.getMessage(), ex);
		}
		if (territories.size() != before) {
			territories.freeze();
		}
		cells.freezeSectors();
		return cells;
	}

	int sectorId(int depth, String code, String parentCode) {
		String key = depth + "|" + code;
		Integer id = this.sectorIds.get(key);
		if (id == null) {
			id = this.sectorCodes.size();
			this.sectorIds.put(key, id);
			this.sectorCodes.add(code);
			this.sectorDepths.add(depth);
			this.sectorParentCodes.add(parentCode);
		}
		else if (this.sectorParentCodes.get(id) == null && parentCode != null) {
			this.sectorParentCodes.set(id, parentCode);
		}
		return id;
	}

	/** The id of a sector node, or -1. */
	int findSector(int depth, String code) {
		Integer id = this.sectorIds.get(depth + "|" + code);
		return (id == null) ? -1 : id;
	}

	private void freezeSectors() {
		int n = this.sectorCodes.size();
		this.sectorParent = new int[n];
		this.sectorDepth = this.sectorDepths.stream().mapToInt(Integer::intValue).toArray();
		List<List<Integer>> children = new ArrayList<>();
		for (int s = 0; s < n; s++) {
			children.add(new ArrayList<>());
		}
		for (int s = 0; s < n; s++) {
			int depth = this.sectorDepths.get(s);
			String parentCode = this.sectorParentCodes.get(s);
			this.sectorParent[s] = (depth == 0 || parentCode == null) ? -1 : findSector(depth - 1, parentCode);
			if (this.sectorParent[s] >= 0) {
				children.get(this.sectorParent[s]).add(s);
			}
		}
		this.sectorChildren = new int[n][];
		for (int s = 0; s < n; s++) {
			this.sectorChildren[s] = children.get(s).stream().mapToInt(Integer::intValue).toArray();
		}
	}

	private void add(int t, int s, double cellValue, int cellUnits, double topValue) {
		if (this.size == this.territory.length) {
			int capacity = this.size * 2;
			this.territory = Arrays.copyOf(this.territory, capacity);
			this.sector = Arrays.copyOf(this.sector, capacity);
			this.value = Arrays.copyOf(this.value, capacity);
			this.units = Arrays.copyOf(this.units, capacity);
			this.top = Arrays.copyOf(this.top, capacity);
		}
		int id = this.size;
		if (this.index.putIfAbsent(key(t, s), id) != id) {
			return;
		}
		this.territory[id] = t;
		this.sector[id] = s;
		this.value[id] = cellValue;
		this.units[id] = cellUnits;
		this.top[id] = topValue;
		this.size++;
	}

	static long key(int t, int s) {
		return t * STRIDE + s;
	}

	/** The cell of a territory and sector node, or -1 (a structural zero). */
	int cell(int t, int s) {
		return (t < 0 || s < 0) ? -1 : this.index.get(key(t, s));
	}

	int depth(int cell) {
		return this.sectorDepth[this.sector[cell]];
	}

	int maxDepth() {
		return this.table.sectorLevels().size();
	}

	/** Whether the audit's own primary rule finds the cell sensitive. */
	boolean primary(int cell) {
		if (this.units[cell] > 0 && this.units[cell] < this.table.minUnits()) {
			return true;
		}
		return this.table.business() && this.value[cell] != 0
				&& this.top[cell] / this.value[cell] > this.table.dominance();
	}

	/** Where a cell is, for messages: never its value. */
	String describe(int cell) {
		int t = this.territory[cell];
		return "level " + Territories.LEVELS[this.territories.level(t)] + ", territory " + this.territories.code(t)
				+ ", sector level " + this.table.sectorLevel(depth(cell)) + ", sector code "
				+ this.sectorCodes.get(this.sector[cell]);
	}

}
