package fr.territoire.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The linear relations of the contract that involve at least one unknown cell: for every
 * sector node, EPCI = Σ communes, département = Σ communes, région = Σ départements,
 * France = Σ régions; for every territory, total = Σ coarsest codes and code = Σ finer
 * codes. A relation is {@code parent − Σ children = 0}; absent cells are structural zeros
 * and drop out.
 */
final class Relations {

	private final Cells cells;

	private final boolean[] unknown;

	int size;

	/** Present member cells of each relation; the parent first when present. */
	int[][] members = new int[0][];

	boolean[] hasParent = new boolean[0];

	int[] unknownCount = new int[0];

	/** The parent's territory and sector node, and the kind (0 territorial, 1 sector). */
	private int[] parentTerritory = new int[0];

	private int[] parentSector = new int[0];

	private byte[] kind = new byte[0];

	private int[] start = new int[0];

	private int[] byCell = new int[0];

	Relations(Cells cells, boolean[] unknown) {
		this.cells = cells;
		this.unknown = unknown;
	}

	void build() {
		Cells c = this.cells;
		LongIntMap ids = new LongIntMap(1024);
		List<int[]> memberList = new ArrayList<>();
		List<int[]> where = new ArrayList<>();
		for (int cell = 0; cell < c.size; cell++) {
			if (!this.unknown[cell]) {
				continue;
			}
			int t = c.territory[cell];
			int s = c.sector[cell];
			if (c.territories.children(t).length > 0) {
				add(ids, memberList, where, t, s, 0);
			}
			if (c.sectorChildren[s].length > 0) {
				add(ids, memberList, where, t, s, 1);
			}
			for (int parent : c.territories.parents(t)) {
				add(ids, memberList, where, parent, s, 0);
			}
			if (c.sectorParent[s] >= 0) {
				add(ids, memberList, where, t, c.sectorParent[s], 1);
			}
		}
		this.size = memberList.size();
		this.members = memberList.toArray(new int[0][]);
		this.hasParent = new boolean[this.size];
		this.unknownCount = new int[this.size];
		this.parentTerritory = new int[this.size];
		this.parentSector = new int[this.size];
		this.kind = new byte[this.size];
		int[] count = new int[c.size + 1];
		for (int r = 0; r < this.size; r++) {
			int[] w = where.get(r);
			this.parentTerritory[r] = w[0];
			this.parentSector[r] = w[1];
			this.kind[r] = (byte) w[2];
			this.hasParent[r] = w[3] == 1;
			for (int member : this.members[r]) {
				if (this.unknown[member]) {
					this.unknownCount[r]++;
					count[member + 1]++;
				}
			}
		}
		for (int i = 0; i < c.size; i++) {
			count[i + 1] += count[i];
		}
		this.start = Arrays.copyOf(count, count.length);
		this.byCell = new int[count[c.size]];
		int[] next = Arrays.copyOf(count, c.size);
		for (int r = 0; r < this.size; r++) {
			for (int member : this.members[r]) {
				if (this.unknown[member]) {
					this.byCell[next[member]++] = r;
				}
			}
		}
	}

	private void add(LongIntMap ids, List<int[]> memberList, List<int[]> where, int t, int s, int type) {
		long key = Cells.key(t, s) * 2 + type;
		int id = memberList.size();
		if (ids.putIfAbsent(key, id) != id) {
			return;
		}
		Cells c = this.cells;
		int parent = c.cell(t, s);
		int[] children = (type == 0) ? c.territories.children(t) : c.sectorChildren[s];
		int[] found = new int[children.length + 1];
		int n = 0;
		if (parent >= 0) {
			found[n++] = parent;
		}
		for (int child : children) {
			int cell = (type == 0) ? c.cell(child, s) : c.cell(t, child);
			if (cell >= 0) {
				found[n++] = cell;
			}
		}
		memberList.add(Arrays.copyOf(found, n));
		where.add(new int[] { t, s, type, (parent >= 0) ? 1 : 0 });
	}

	/** The relations a cell unknown when they were built belongs to. */
	int[] relationsOf(int cell) {
		return Arrays.copyOfRange(this.byCell, this.start[cell], this.start[cell + 1]);
	}

	int relationCount(int cell) {
		return this.start[cell + 1] - this.start[cell];
	}

	int relationAt(int cell, int i) {
		return this.byCell[this.start[cell] + i];
	}

	/** The coefficient of a relation's i-th member: +1 for the parent, −1 for a child. */
	int coefficient(int relation, int i) {
		return (i == 0 && this.hasParent[relation]) ? 1 : -1;
	}

	/** A relation, for messages: never a value. */
	String describe(int relation, Cells c) {
		int t = this.parentTerritory[relation];
		String total = Territories.LEVELS[c.territories.level(t)] + " " + c.territories.code(t) + " × "
				+ c.table.sectorLevel(c.sectorDepth[this.parentSector[relation]]) + " "
				+ c.sectorCodes.get(this.parentSector[relation]);
		return (this.kind[relation] == 0) ? total + " = Σ its territories" : total + " = Σ its sector codes";
	}

}
