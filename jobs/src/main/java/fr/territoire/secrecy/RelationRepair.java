package fr.territoire.secrecy;

/**
 * What one relation at a time gives away, repaired after the elimination until nothing
 * changes. A relation (a total and its parts) whose cells are all known but one gives
 * that one away, and the cell so found is known in turn, across relations. A secondary
 * cell found so protects nothing: it is published again (its value is known anyway, so
 * publishing it changes nothing anyone can compute). A primary cell found so is exposed:
 * published cells of one of its relations are suppressed (the cheapest way to hide at
 * least {@code interval} × its value: one cell worth that much, or several smaller ones
 * worth that much together). Two secret parts left unknown, one of them resting on a
 * single unit, let that unit's owner recover the other: a third part (or several) is
 * suppressed the same way. Only more suppression protects the primary cells and only
 * known cells are published again, so the elimination's guarantee holds after the repair.
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
		boolean[] republished = new boolean[table.cellCount];
		for (int round = 1; round <= table.cellCount + 1; round++) {
			boolean[] known = known(table, status);
			boolean changed = false;
			for (int cell = 0; cell < table.cellCount; cell++) {
				if (known[cell] && status[cell] == SuppressionTable.SECONDARY) {
					// given away by its relations: hiding it protects nothing
					status[cell] = SuppressionTable.OK;
					republished[cell] = true;
					changed = true;
				}
			}
			for (int cell = 0; cell < table.cellCount; cell++) {
				if (known[cell] && status[cell] == SuppressionTable.PRIMARY) {
					changed |= suppressBeside(table, status, republished, cell, -1, interval);
				}
			}
			if (!changed) {
				changed = singletons(table, status, known, republished, interval);
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
	private static boolean singletons(SuppressionTable table, byte[] status, boolean[] known, boolean[] republished,
			double interval) {
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
				changed |= suppressBeside(table, status, republished, protectedCell, relation, interval);
			}
		}
		return changed;
	}

	/**
	 * Suppresses published, not secret cells of one relation of the cell (the given
	 * relation, or the cheapest of its relations): the smallest cell worth at least
	 * interval × its value, or the smallest cells that together are worth that much if
	 * they cost less, or all of them if none reaches it. A cell published again because a
	 * relation gave it away is never chosen (it would be given away again).
	 */
	private static boolean suppressBeside(SuppressionTable table, byte[] status, boolean[] republished, int cell,
			int onlyRelation, double interval) {
		double needed = interval * Math.abs(table.value[cell]);
		IntList best = null;
		double bestCost = Double.POSITIVE_INFINITY;
		IntList candidates = new IntList();
		for (int r = table.memberStart[cell]; r < table.memberStart[cell + 1]; r++) {
			int relation = table.memberRelations[r];
			if (onlyRelation >= 0 && relation != onlyRelation) {
				continue;
			}
			candidates.clear();
			for (int m = table.relationStart[relation]; m < table.relationStart[relation + 1]; m++) {
				int other = table.relationMembers[m];
				if (other != cell && table.published[other] && status[other] == SuppressionTable.OK
						&& !republished[other]) {
					candidates.add(other);
				}
			}
			IntList option = cheapest(table, candidates, needed);
			double cost = 0;
			for (int i = 0; i < option.size(); i++) {
				cost += table.value[option.get(i)];
			}
			if (option.size() > 0 && (cost < bestCost || (cost == bestCost && option.size() < best.size()))) {
				best = option;
				bestCost = cost;
			}
		}
		if (best == null) {
			return false;
		}
		for (int i = 0; i < best.size(); i++) {
			status[best.get(i)] = SuppressionTable.SECONDARY;
		}
		return true;
	}

	/** The cheapest cells of one relation worth at least the value needed together. */
	static IntList cheapest(SuppressionTable table, IntList candidates, double needed) {
		Integer[] sorted = new Integer[candidates.size()];
		for (int i = 0; i < sorted.length; i++) {
			sorted[i] = candidates.get(i);
		}
		java.util.Arrays.sort(sorted, (a, b) -> (table.value[a] != table.value[b])
				? Double.compare(table.value[a], table.value[b]) : Integer.compare(a, b));
		int single = -1;
		for (int c : sorted) {
			if (table.value[c] >= needed) {
				single = c;
				break;
			}
		}
		IntList prefix = new IntList();
		double sum = 0;
		for (int c : sorted) {
			if (sum >= needed && prefix.size() > 0) {
				break;
			}
			prefix.add(c);
			sum += table.value[c];
		}
		IntList result = new IntList();
		if (single >= 0 && (sum < needed || table.value[single] <= sum)) {
			result.add(single);
			return result;
		}
		return prefix;
	}

}
