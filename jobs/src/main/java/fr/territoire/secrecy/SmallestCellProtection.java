package fr.territoire.secrecy;

import java.util.ArrayDeque;

/**
 * The baseline the issue names: a relation (parent = Σ children) is exposed when exactly
 * one of its cells is unknown (secret or unpublished) and that cell is secret; the
 * smallest published cell of the relation that is not yet secret is then suppressed, and
 * so on until no relation is exposed. It looks at one relation at a time, so it misses
 * what combinations of relations (both hierarchies, the sector margins) reveal.
 */
final class SmallestCellProtection {

	private SmallestCellProtection() {
	}

	/**
	 * Runs the baseline.
	 * @param table the table
	 * @return the final status of every cell
	 */
	static byte[] protect(SuppressionTable table) {
		byte[] status = table.status.clone();
		int relations = table.relationCount();
		int[] unknown = new int[relations];
		ArrayDeque<Integer> exposed = new ArrayDeque<>();
		for (int relation = 0; relation < relations; relation++) {
			for (int m = table.relationStart[relation]; m < table.relationStart[relation + 1]; m++) {
				int cell = table.relationMembers[m];
				if (status[cell] != SuppressionTable.OK || !table.published[cell]) {
					unknown[relation]++;
				}
			}
			if (unknown[relation] == 1) {
				exposed.add(relation);
			}
		}
		while (!exposed.isEmpty()) {
			int relation = exposed.poll();
			if (unknown[relation] != 1) {
				continue;
			}
			boolean secret = false;
			int smallest = -1;
			for (int m = table.relationStart[relation]; m < table.relationStart[relation + 1]; m++) {
				int cell = table.relationMembers[m];
				if (status[cell] != SuppressionTable.OK) {
					secret = true;
				}
				else if (table.published[cell] && (smallest < 0 || table.value[cell] < table.value[smallest]
						|| (table.value[cell] == table.value[smallest] && cell < smallest))) {
					smallest = cell;
				}
			}
			if (!secret || smallest < 0) {
				continue;
			}
			status[smallest] = SuppressionTable.SECONDARY;
			for (int r = table.memberStart[smallest]; r < table.memberStart[smallest + 1]; r++) {
				int other = table.memberRelations[r];
				unknown[other]++;
				if (unknown[other] == 1) {
					exposed.add(other);
				}
			}
		}
		return status;
	}

}
