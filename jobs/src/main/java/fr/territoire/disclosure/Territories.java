package fr.territoire.disclosure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The territorial hierarchy as the audit reads it from {@code core.territory_parent}:
 * territories of the five levels by id, each one's parents and children in the relations
 * of the contract (EPCI = Σ communes, département = Σ communes, région = Σ départements,
 * France = Σ régions). The two hierarchies are linked, not nested: a commune has two
 * parents.
 */
final class Territories {

	static final String[] LEVELS = { "commune", "epci", "departement", "region", "france" };

	static final int COMMUNE = 0;

	static final int EPCI = 1;

	static final int DEPARTEMENT = 2;

	static final int REGION = 3;

	static final int FRANCE = 4;

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<String> codes = new ArrayList<>();

	private final List<Integer> levels = new ArrayList<>();

	/** Per territory: its parents in the territorial relations (computed by freeze). */
	private int[][] parents = new int[0][];

	/**
	 * Per territory: its children in the relation it is the sum of (empty for a commune).
	 */
	private int[][] children = new int[0][];

	private final Map<Integer, int[]> declaredParents = new HashMap<>();

	private final int france;

	private Territories() {
		this.france = id(FRANCE, "FR");
	}

	static Territories read(Connection connection, String sql) {
		Territories territories = new Territories();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				String level = rows.getString(1);
				String code = rows.getString(2);
				if (code == null) {
					continue;
				}
				if ("commune".equals(level)) {
					int commune = territories.id(COMMUNE, code);
					territories.declaredParents.put(commune,
							new int[] { territories.optionalId(EPCI, rows.getString(3)),
									territories.optionalId(DEPARTEMENT, rows.getString(4)),
									territories.optionalId(REGION, rows.getString(5)) });
				}
				else if ("departement".equals(level)) {
					int departement = territories.id(DEPARTEMENT, code);
					territories.declaredParents.put(departement,
							new int[] { -1, -1, territories.optionalId(REGION, rows.getString(5)) });
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the territorial hierarchy: " + ex.getMessage(), ex);
		}
		territories.freeze();
		return territories;
	}

	/** The id of a territory, created if new. */
	int id(int level, String code) {
		String key = level + "|" + code;
		Integer id = this.ids.get(key);
		if (id == null) {
			id = this.codes.size();
			this.ids.put(key, id);
			this.codes.add(code);
			this.levels.add(level);
		}
		return id;
	}

	private int optionalId(int level, @Nullable String code) {
		return (code == null) ? -1 : id(level, code);
	}

	/** The id of a territory, or -1 when the hierarchy does not know it. */
	int find(int level, String code) {
		Integer id = this.ids.get(level + "|" + code);
		return (id == null) ? -1 : id;
	}

	/**
	 * Computes parents and children once every territory is known. Call again after
	 * adding territories (cells outside the hierarchy).
	 */
	void freeze() {
		int n = this.codes.size();
		List<List<Integer>> childLists = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			childLists.add(new ArrayList<>());
		}
		this.parents = new int[n][];
		// a département without its own row takes the région of its communes
		int[] regionOfDepartement = new int[n];
		Arrays.fill(regionOfDepartement, -1);
		for (var entry : this.declaredParents.entrySet()) {
			if (this.levels.get(entry.getKey()) == DEPARTEMENT) {
				regionOfDepartement[entry.getKey()] = entry.getValue()[2];
			}
		}
		for (var entry : this.declaredParents.entrySet()) {
			int[] declared = entry.getValue();
			if (this.levels.get(entry.getKey()) == COMMUNE && declared[1] >= 0 && declared[2] >= 0
					&& regionOfDepartement[declared[1]] < 0) {
				regionOfDepartement[declared[1]] = declared[2];
			}
		}
		for (int t = 0; t < n; t++) {
			int level = this.levels.get(t);
			List<Integer> mine = new ArrayList<>();
			if (level == COMMUNE) {
				int[] declared = this.declaredParents.get(t);
				if (declared != null) {
					if (declared[0] >= 0) {
						mine.add(declared[0]);
					}
					if (declared[1] >= 0) {
						mine.add(declared[1]);
					}
				}
			}
			else if (level == DEPARTEMENT) {
				if (regionOfDepartement[t] >= 0) {
					mine.add(regionOfDepartement[t]);
				}
			}
			else if (level == REGION) {
				mine.add(this.france);
			}
			this.parents[t] = mine.stream().mapToInt(Integer::intValue).toArray();
			for (int parent : this.parents[t]) {
				childLists.get(parent).add(t);
			}
		}
		this.children = new int[n][];
		for (int t = 0; t < n; t++) {
			this.children[t] = childLists.get(t).stream().mapToInt(Integer::intValue).toArray();
		}
	}

	int size() {
		return this.codes.size();
	}

	int level(int territory) {
		return this.levels.get(territory);
	}

	String code(int territory) {
		return this.codes.get(territory);
	}

	int[] parents(int territory) {
		return this.parents[territory];
	}

	int[] children(int territory) {
		return this.children[territory];
	}

	/** A commune's EPCI, or -1. */
	int epci(int commune) {
		int[] declared = this.declaredParents.get(commune);
		return (declared == null) ? -1 : declared[0];
	}

	/** A commune's département, or -1. */
	int departement(int commune) {
		int[] declared = this.declaredParents.get(commune);
		return (declared == null) ? -1 : declared[1];
	}

}
