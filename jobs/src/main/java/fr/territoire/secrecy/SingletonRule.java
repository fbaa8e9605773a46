package fr.territoire.secrecy;

/**
 * Singletons: a secret cell resting on a single unit is known to that unit's owner, who
 * can subtract it. In a relation whose only unknown cells are two secret cells, one of
 * them resting on one unit, the owner would recover the other: a third cell of the
 * relation (the smallest published one) is suppressed.
 */
final class SingletonRule {

	private SingletonRule() {
	}

	/**
	 * One pass over every relation.
	 * @param table the table
	 * @param status the current status of every cell, updated
	 * @return how many cells were suppressed
	 */
	static int apply(SuppressionTable table, byte[] status) {
		int added = 0;
		for (int relation = 0; relation < table.relationCount(); relation++) {
			int from = table.relationStart[relation];
			int to = table.relationStart[relation + 1];
			if (to - from < 3) {
				continue;
			}
			int unknown = 0;
			int secret = 0;
			boolean singleton = false;
			int smallest = -1;
			for (int m = from; m < to; m++) {
				int cell = table.relationMembers[m];
				if (status[cell] != SuppressionTable.OK) {
					unknown++;
					secret++;
					singleton |= table.units[cell] == 1;
				}
				else if (!table.published[cell]) {
					unknown++;
				}
				else if (smallest < 0 || table.value[cell] < table.value[smallest]
						|| (table.value[cell] == table.value[smallest] && cell < smallest)) {
					smallest = cell;
				}
			}
			if (unknown == 2 && secret == 2 && singleton && smallest >= 0) {
				status[smallest] = SuppressionTable.SECONDARY;
				added++;
			}
		}
		return added;
	}

}
