package fr.territoire.peer;

import java.util.List;
import java.util.Objects;

/**
 * The values compared at one level, before standardisation: one column per coordinate (a
 * feature's total, or one code of its dimension), one row per territory, the feature's
 * transform already applied.
 *
 * @param codes the territory codes, sorted (a neighbour's index is its rank by code,
 * which breaks ties)
 * @param groups each territory's group (neighbours share it), -1 for none
 * @param columns the values, {@code columns[coordinate][territory]}; NaN when missing
 * @param featureOf the feature of each coordinate
 * @param labels each coordinate's name, for logs (e.g. {@code sectors:C})
 * @param weights each feature's weight, spread evenly over its coordinates kept
 */
public record Coordinates(List<String> codes, int[] groups, double[][] columns, int[] featureOf, List<String> labels,
		double[] weights) {

	public Coordinates {
		codes = List.copyOf(codes);
		labels = List.copyOf(labels);
		Objects.requireNonNull(groups, "groups is null");
		if (groups.length != codes.size()) {
			throw new IllegalArgumentException("one group per territory");
		}
		if (featureOf.length != columns.length || labels.size() != columns.length) {
			throw new IllegalArgumentException("one feature and one label per coordinate");
		}
		for (int i = 1; i < codes.size(); i++) {
			if (codes.get(i - 1).compareTo(codes.get(i)) >= 0) {
				throw new IllegalArgumentException(
						"codes must be sorted and distinct: " + codes.get(i - 1) + " then " + codes.get(i));
			}
		}
		for (double[] column : columns) {
			if (column.length != codes.size()) {
				throw new IllegalArgumentException("one value (or NaN) per territory in each coordinate");
			}
		}
		for (int feature : featureOf) {
			if (feature < 0 || feature >= weights.length) {
				throw new IllegalArgumentException("coordinate of unknown feature " + feature);
			}
		}
	}

	/** The number of territories. */
	public int size() {
		return this.codes.size();
	}

	/** The number of features. */
	public int features() {
		return this.weights.length;
	}

}
