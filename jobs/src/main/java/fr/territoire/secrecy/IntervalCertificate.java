package fr.territoire.secrecy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cheap proof that a primary inner cell keeps a protection interval: a rectangle of
 * unknown inner cells (c, d), (c, d'), (c', d), (c', d') where c and c' share their EPCI
 * (or both have none) and their département, and d and d' their parent sector. Adding +t
 * to (c, d) and (c', d'), −t to the two others changes no other cell of any level, so
 * every published cell keeps its value; with all four values at least interval × the
 * primary's value, t can reach ±interval × that value while every cell stays ≥ 0. The
 * feasible range of (c, d) given the published cells then reaches ±interval, which is
 * what the audit checks by linear programming. Cells without such a rectangle (aggregate
 * primary cells, or inner ones protected otherwise) are left to the audit.
 */
final class IntervalCertificate {

	private IntervalCertificate() {
	}

	/**
	 * Counts the primary cells with a positive value that a rectangle certifies.
	 * @param table the table
	 * @param status the status of every cell
	 * @param interval the protection interval (0.10)
	 * @return {certified, primary cells with a positive value}
	 */
	static long[] count(SuppressionTable table, byte[] status, double interval) {
		boolean[] certified = certified(table, status, interval);
		long yes = 0;
		long considered = 0;
		for (int cell = 0; cell < table.cellCount; cell++) {
			if (status[cell] == SuppressionTable.PRIMARY && table.value[cell] > 0) {
				considered++;
				yes += certified[cell] ? 1 : 0;
			}
		}
		return new long[] { yes, considered };
	}

	/**
	 * The primary cells with a positive value that a rectangle certifies.
	 * @param table the table
	 * @param status the status of every cell
	 * @param interval the protection interval (0.10)
	 * @return by cell, whether it is certified
	 */
	static boolean[] certified(SuppressionTable table, byte[] status, double interval) {
		boolean[] certified = new boolean[table.cellCount];
		Map<Long, List<Integer>> communesBySiblings = new HashMap<>();
		Map<Integer, int[]> innerRange = new HashMap<>();
		for (int inner = 0; inner < table.innerCount; inner++) {
			int commune = table.territory[table.innerCell[inner]];
			int[] range = innerRange.get(commune);
			if (range == null) {
				innerRange.put(commune, new int[] { inner, inner + 1 });
				long key = ((long) table.communeEpci[commune] << 32)
						^ (table.communeDepartement[commune] & 0xffffffffL);
				communesBySiblings.computeIfAbsent(key, (k) -> new ArrayList<>()).add(commune);
			}
			else {
				range[1] = inner + 1;
			}
		}
		for (int cell = 0; cell < table.cellCount; cell++) {
			if (status[cell] != SuppressionTable.PRIMARY || table.value[cell] <= 0) {
				continue;
			}
			if (table.innerOf[cell] < 0 || table.sectorLevels.isEmpty()) {
				continue;
			}
			double threshold = interval * table.value[cell];
			int commune = table.territory[cell];
			int sector = table.sector[cell];
			int parent = table.sectorParent(sector);
			long key = ((long) table.communeEpci[commune] << 32) ^ (table.communeDepartement[commune] & 0xffffffffL);
			int[] own = innerRange.get(commune);
			boolean found = false;
			for (int i = own[0]; i < own[1] && !found; i++) {
				int partner = table.innerCell[i];
				int otherSector = table.sector[partner];
				if (otherSector == sector || table.sectorParent(otherSector) != parent
						|| !usable(table, status, partner, threshold)) {
					continue;
				}
				for (int other : communesBySiblings.get(key)) {
					if (other == commune) {
						continue;
					}
					int[] range = innerRange.get(other);
					int across = find(table, range, sector);
					int diagonal = find(table, range, otherSector);
					if (across >= 0 && diagonal >= 0 && usable(table, status, across, threshold)
							&& usable(table, status, diagonal, threshold)) {
						found = true;
						break;
					}
				}
			}
			certified[cell] = found;
		}
		return certified;
	}

	private static boolean usable(SuppressionTable table, byte[] status, int cell, double threshold) {
		boolean unknown = status[cell] != SuppressionTable.OK || !table.published[cell];
		return unknown && table.value[cell] >= threshold;
	}

	private static int find(SuppressionTable table, int[] range, int sector) {
		for (int i = range[0]; i < range[1]; i++) {
			if (table.sector[table.innerCell[i]] == sector) {
				return table.innerCell[i];
			}
		}
		return -1;
	}

}
