package fr.territoire.disclosure;

import java.util.List;

/**
 * A protected table as {@code mart.secrecy_table} declares it.
 *
 * @param tableId the measure's name
 * @param business whether the dominance rule and the protection interval apply (class
 * business), otherwise class frequency
 * @param sectorLevels sector levels, coarse to fine
 * @param minUnits the frequency rule's threshold
 * @param dominance the dominance rule's threshold
 */
record ProtectedTable(String tableId, boolean business, List<String> sectorLevels, int minUnits, double dominance) {

	ProtectedTable {
		sectorLevels = List.copyOf(sectorLevels);
	}

	/** The name of a sector depth: {@code total} for 0. */
	String sectorLevel(int depth) {
		return (depth == 0) ? "total" : this.sectorLevels.get(depth - 1);
	}

	/** The depth of a sector level's name, or -1. */
	int depth(String sectorLevel) {
		if (sectorLevel.equals("total")) {
			return 0;
		}
		int index = this.sectorLevels.indexOf(sectorLevel);
		return (index < 0) ? -1 : index + 1;
	}

}
