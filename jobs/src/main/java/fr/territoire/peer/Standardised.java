package fr.territoire.peer;

import java.util.ArrayList;
import java.util.List;

/**
 * Coordinates as z-scores over the level (mean 0, population standard deviation 1), each
 * multiplied by the square root of its weight so that the weighted Euclidean distance is
 * the plain one: {@code d² = Σ w_c (z_ic − z_jc)²}. A coordinate with no spread (standard
 * deviation 0, or fewer than two values) is dropped; a missing value is the mean (z = 0).
 * A feature's weight is spread evenly over its coordinates kept.
 *
 * @param size the number of territories
 * @param dimensions the number of coordinates kept
 * @param values {@code values[territory * dimensions + coordinate]}: √w · z
 * @param featureOf the feature of each coordinate kept
 * @param features the number of features
 * @param missing per feature, the values missing (territory × coordinate kept)
 * @param dropped the labels of the coordinates dropped for having no spread
 * @param unlocated the territories without a value on any coordinate kept: they sit at
 * the mean only for want of data, so {@link #groupsOf} leaves them out
 */
public record Standardised(int size, int dimensions, double[] values, int[] featureOf, int features, long[] missing,
		List<String> dropped, List<Integer> unlocated) {

	/** Standardises the coordinates of a level. */
	public static Standardised of(Coordinates coordinates) {
		int n = coordinates.size();
		double[][] columns = coordinates.columns();
		List<Integer> kept = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		double[] means = new double[columns.length];
		double[] deviations = new double[columns.length];
		for (int c = 0; c < columns.length; c++) {
			int count = 0;
			double sum = 0;
			for (double value : columns[c]) {
				if (!Double.isNaN(value)) {
					count++;
					sum += value;
				}
			}
			double mean = (count > 0) ? sum / count : 0;
			double squares = 0;
			for (double value : columns[c]) {
				if (!Double.isNaN(value)) {
					squares += (value - mean) * (value - mean);
				}
			}
			double deviation = (count > 0) ? Math.sqrt(squares / count) : 0;
			if (count < 2 || !(deviation > 0)) {
				dropped.add(coordinates.labels().get(c));
				continue;
			}
			kept.add(c);
			means[c] = mean;
			deviations[c] = deviation;
		}
		int[] perFeature = new int[coordinates.features()];
		kept.forEach((c) -> perFeature[coordinates.featureOf()[c]]++);
		// heaviest first: partial sums then reach a neighbour's bound sooner
		// (NearestNeighbours)
		kept.sort(java.util.Comparator.comparingDouble((Integer c) -> -coordinates.weights()[coordinates.featureOf()[c]]
				/ perFeature[coordinates.featureOf()[c]]));
		int d = kept.size();
		double[] values = new double[n * d];
		int[] featureOf = new int[d];
		long[] missing = new long[coordinates.features()];
		int[] found = new int[n];
		for (int k = 0; k < d; k++) {
			int c = kept.get(k);
			int feature = coordinates.featureOf()[c];
			featureOf[k] = feature;
			double scale = Math.sqrt(coordinates.weights()[feature] / perFeature[feature]);
			for (int i = 0; i < n; i++) {
				double value = columns[c][i];
				if (Double.isNaN(value)) {
					missing[feature]++;
					values[i * d + k] = 0;
				}
				else {
					values[i * d + k] = scale * (value - means[c]) / deviations[c];
					found[i]++;
				}
			}
		}
		List<Integer> unlocated = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (found[i] == 0) {
				unlocated.add(i);
			}
		}
		return new Standardised(n, d, values, featureOf, coordinates.features(), missing, List.copyOf(dropped),
				List.copyOf(unlocated));
	}

	/**
	 * The groups neighbours are found in: those given, without the territories that have
	 * no value at all (group -1: no neighbours, nobody's neighbour).
	 */
	public int[] groupsOf(Coordinates coordinates) {
		int[] groups = coordinates.groups().clone();
		this.unlocated.forEach((territory) -> groups[territory] = -1);
		return groups;
	}

}
