package fr.territoire.secrecy;

/**
 * What one relation at a time gives away, repaired after the elimination until nothing
 * changes. A relation (a total and its parts) whose cells are all known but one gives
 * that one away, and the cell so found is known in turn, across relations. A secondary
 * cell found so protects nothing: it is published again (its value is known anyway). A
 * primary cell found so is exposed: a published cell of the relation is suppressed (the
 * smallest at least {@code interval} × its value, or the largest there is). Two secret
 * parts left unknown, one of them resting on a single unit, let that unit's owner recover
 * the other: a third part is suppressed the same way. Only more suppression protects the
 * primary cells and only known cells are published again, so the elimination's guarantee
 * holds after the repair.
 */
final class RelationRepair {

	private RelationRepair() {
	}

	/**
	 * Repairs the statuses in place.
	 * @param table the table
	 * @param status every cell's status, updated
	 * @param interval the protection interval (a share of a primary cell's value)
	 * @return the rounds run
	 */
	static int apply(SuppressionTable table, byte[] status, double interval) {
		for (int round = 1; round <= table.cellCount + 1; round++) {
			boolean[] known = known(table, status);
			boolean changed = false;
			for (int cell = 0; cell < table.cellCount; cell++) {
				boolean secret = status[cell] != SuppressionTable.OK || !table.published[cell];
				if (!known[cell] || !secret) {
					continue;
				}
				if (status[cell] != SuppressionTable.OK) {
					changed |= suppressBeside(table, status, cell, -1, interval);
				}
			}
			if (!changed) {
				changed = singletons(table, status, known, interval);
			}
			if (!changed) {
				return round;
			}
		}
		throw new IllegalStateException("secondary suppression of " + table.tableId + " " + table.period
				+ ": the relation repair did not settle");
	}

	/**
	 * Published cells that are not secret, then every cell that a relation with all its
	 * other cells known gives away, until none does.
	 */
	static boolean[] known(SuppressionTable table, byte[] status) {
		boolean[] known = new boolean[table.cellCount];
		for (int cell = 0; cell < table.cellCount; cell++) {
			known[cell] = table.published[cell] && status[cell] == SuppressionTable.OK;
		}
		boolean found = true;
		while (found) {
			found = false;
			for (int relation = 0; relation < table.relationCount(); relation++) {
				int unknown = -1;
				int count = 0;
				for (int m = table.relationStart[relation]; m < table.relationStart[relation + 1] && count < 2; m++) {
					int cell = table.relationMembers[m];
					if (!known[cell]) {
						unknown = cell;
						count++;
					}
				}
				if (count == 1) {
					known[unknown] = true;
					found = true;
				}
			}
		}
		return known;
	}

	/** Two unknown secret parts of a relation, one resting on a single unit. */
	private static boolean singletons(SuppressionTable table, byte[] status, boolean[] known, double interval) {
		boolean changed = false;
		for (int relation = 0; relation < table.relationCount(); relation++) {
			int from = table.relationStart[relation];
			int to = table.relationStart[relation + 1];
			int first = -1;
			int second = -1;
			int count = 0;
			for (int m = from; m < to; m++) {
				int cell = table.relationMembers[m];
				if (!known[cell]) {
					count++;
					if (first < 0) {
						first = cell;
					}
					else {
						second = cell;
					}
				}
			}
			boolean parts = count == 2 && table.relationMembers[from] != first;
			if (parts && (status[first] != SuppressionTable.OK || status[second] != SuppressionTable.OK)
					&& (table.units[first] == 1 || table.units[second] == 1)) {
				int protectedCell = (table.units[first] == 1) ? second : first;
				changed |= suppressBeside(table, status, protectedCell, relation, interval);
			}
		}
		return changed;
	}

	/**
	 * Suppresses a published, not secret cell sharing a relation with the cell (the given
	 * relation, or any of its relations): the smallest at least interval × its value,
	 * otherwise the largest.
	 */
	private static boolean suppressBeside(SuppressionTable table, byte[] status, int cell, int onlyRelation,
			double interval) {
		double needed = interval * Math.abs(table.value[cell]);
		int best = -1;
		int largest = -1;
		for (int r = table.memberStart[cell]; r < table.memberStart[cell + 1]; r++) {
			int relation = table.memberRelations[r];
			if (onlyRelation >= 0 && relation != onlyRelation) {
				continue;
			}
			for (int m = table.relationStart[relation]; m < table.relationStart[relation + 1]; m++) {
				int other = table.relationMembers[m];
				if (other == cell || !table.published[other] || status[other] != SuppressionTable.OK) {
					continue;
				}
				if (table.value[other] >= needed && (best < 0 || table.value[other] < table.value[best])) {
					best = other;
				}
				if (largest < 0 || table.value[other] > table.value[largest]) {
					largest = other;
				}
			}
		}
		int chosen = (best >= 0) ? best : largest;
		if (chosen < 0) {
			return false;
		}
		status[chosen] = SuppressionTable.SECONDARY;
		return true;
	}

}
