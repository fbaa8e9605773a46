package fr.territoire.peer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The neighbours on inputs small enough to compute by hand: z-scores, weights spread over
 * a dimension's codes, distances, order, tie-break by code, contributions.
 */
class NearestNeighboursTests {

	private static final double NAN = Double.NaN;

	/**
	 * Four territories, two features. {@code x} (weight 1): 0, 0, 2, 2 → mean 1, sd 1 → z
	 * = −1, −1, 1, 1. {@code sectors} (weight 2) over codes a and b: a = 1, 3, 1, 3 → z =
	 * −1, 1, −1, 1; b = 5 everywhere (no spread: dropped, so a carries the weight 2).
	 */
	private static Coordinates fourTerritories() {
		return new Coordinates(List.of("A", "B", "C", "D"), new int[] { 0, 0, 0, 0 },
				new double[][] { { 0, 0, 2, 2 }, { 1, 3, 1, 3 }, { 5, 5, 5, 5 } }, new int[] { 0, 1, 1 },
				List.of("x", "sectors:a", "sectors:b"), new double[] { 1, 2 });
	}

	@Test
	void standardisesToZScoresTimesTheSquareRootOfTheWeight() {
		Standardised standardised = Standardised.of(fourTerritories());
		assertThat(standardised.dimensions()).isEqualTo(2);
		assertThat(standardised.dropped()).containsExactly("sectors:b");
		// heaviest first: sectors:a (weight 2), then x (weight 1)
		assertThat(standardised.featureOf()).containsExactly(1, 0);
		double root2 = Math.sqrt(2);
		assertThat(standardised.values()).containsExactly(new double[] { -root2, -1, root2, -1, -root2, 1, root2, 1 },
				within(1e-12));
		assertThat(standardised.missing()).containsExactly(0, 0);
	}

	@Test
	void ordersNeighboursByDistanceWithEachFeaturesShare() {
		// from A: C differs by 2 on x (d² = 4), B by 2√2 on a (d² = 8), D by both (d² =
		// 12)
		Neighbours neighbours = NearestNeighbours.find(3, new int[] { 0, 0, 0, 0 }, Standardised.of(fourTerritories()));
		assertThat(List.of(neighbours.peer(0, 1), neighbours.peer(0, 2), neighbours.peer(0, 3))).containsExactly(2, 1,
				3);
		assertThat(neighbours.distance(0, 1)).isCloseTo(2, within(1e-12));
		assertThat(neighbours.distance(0, 2)).isCloseTo(Math.sqrt(8), within(1e-12));
		assertThat(neighbours.distance(0, 3)).isCloseTo(Math.sqrt(12), within(1e-12));
		assertThat(new double[] { neighbours.contribution(0, 1, 0), neighbours.contribution(0, 1, 1) })
			.containsExactly(new double[] { 1, 0 }, within(1e-12));
		assertThat(new double[] { neighbours.contribution(0, 2, 0), neighbours.contribution(0, 2, 1) })
			.containsExactly(new double[] { 0, 1 }, within(1e-12));
		assertThat(new double[] { neighbours.contribution(0, 3, 0), neighbours.contribution(0, 3, 1) })
			.containsExactly(new double[] { 1.0 / 3, 2.0 / 3 }, within(1e-12));
		// from D: B (d² 4 on x), C (8 on a), A (12)
		assertThat(List.of(neighbours.peer(3, 1), neighbours.peer(3, 2), neighbours.peer(3, 3))).containsExactly(1, 2,
				0);
	}

	@Test
	void breaksTiesByTheNeighboursCode() {
		// one coordinate: A = 0, B = 1, C = −1: B and C are equally far from A
		Coordinates coordinates = new Coordinates(List.of("A", "B", "C"), new int[] { 0, 0, 0 },
				new double[][] { { 0, 1, -1 } }, new int[] { 0 }, List.of("x"), new double[] { 1 });
		Neighbours neighbours = NearestNeighbours.find(1, coordinates.groups(), Standardised.of(coordinates));
		assertThat(neighbours.peer(0, 1)).isEqualTo(1);
		Coordinates reversed = new Coordinates(List.of("A", "B", "C"), new int[] { 0, 0, 0 },
				new double[][] { { 0, -1, 1 } }, new int[] { 0 }, List.of("x"), new double[] { 1 });
		assertThat(NearestNeighbours.find(1, reversed.groups(), Standardised.of(reversed)).peer(0, 1)).isEqualTo(1);
	}

	@Test
	void takesAMissingValueAsTheMeanAndCountsIt() {
		// 0, 2 and a missing value: mean 1, sd 1 over the two values, z = −1, 1, 0
		Coordinates coordinates = new Coordinates(List.of("A", "B", "C"), new int[] { 0, 0, 0 },
				new double[][] { { 0, 2, NAN } }, new int[] { 0 }, List.of("x"), new double[] { 1 });
		Standardised standardised = Standardised.of(coordinates);
		assertThat(standardised.values()).containsExactly(new double[] { -1, 1, 0 }, within(1e-12));
		assertThat(standardised.missing()).containsExactly(1);
		Neighbours neighbours = NearestNeighbours.find(2, coordinates.groups(), standardised);
		// A: C at 1, B at 2
		assertThat(List.of(neighbours.peer(0, 1), neighbours.peer(0, 2))).containsExactly(2, 1);
		assertThat(neighbours.distance(0, 1)).isCloseTo(1, within(1e-12));
	}

	@Test
	void leavesOutATerritoryWithoutAnyValue() {
		// D has no value: A = 0, B = 2, C = 3 on x (mean 5/3); D would sit at the mean,
		// nearest to B
		Coordinates coordinates = new Coordinates(List.of("A", "B", "C", "D"), new int[] { 0, 0, 0, 0 },
				new double[][] { { 0, 2, 3, NAN } }, new int[] { 0 }, List.of("x"), new double[] { 1 });
		Standardised standardised = Standardised.of(coordinates);
		assertThat(standardised.unlocated()).containsExactly(3);
		Neighbours neighbours = NearestNeighbours.find(3, standardised.groupsOf(coordinates), standardised);
		assertThat(List.of(neighbours.peer(1, 1), neighbours.peer(1, 2), neighbours.peer(1, 3))).containsExactly(2, 0,
				-1);
		assertThat(neighbours.peer(3, 1)).isEqualTo(-1);
	}

	@Test
	void findsNeighboursOnlyInTheSameGroup() {
		Coordinates coordinates = new Coordinates(List.of("A", "B", "C", "D", "E"), new int[] { 0, 1, 0, 1, -1 },
				new double[][] { { 0, 1, 5, 6, 0.5 } }, new int[] { 0 }, List.of("x"), new double[] { 1 });
		Neighbours neighbours = NearestNeighbours.find(3, coordinates.groups(), Standardised.of(coordinates));
		assertThat(List.of(neighbours.peer(0, 1), neighbours.peer(0, 2))).containsExactly(2, -1);
		assertThat(List.of(neighbours.peer(1, 1), neighbours.peer(1, 2))).containsExactly(3, -1);
		assertThat(neighbours.peer(4, 1)).isEqualTo(-1);
	}

	@Test
	void givesNoContributionAtDistanceZero() {
		Coordinates coordinates = new Coordinates(List.of("A", "B", "C"), new int[] { 0, 0, 0 },
				new double[][] { { 1, 1, 3 }, { 2, 2, 7 } }, new int[] { 0, 1 }, List.of("x", "y"),
				new double[] { 1, 1 });
		Neighbours neighbours = NearestNeighbours.find(1, coordinates.groups(), Standardised.of(coordinates));
		assertThat(neighbours.peer(0, 1)).isEqualTo(1);
		assertThat(neighbours.distance(0, 1)).isZero();
		assertThat(new double[] { neighbours.contribution(0, 1, 0), neighbours.contribution(0, 1, 1) })
			.containsExactly(0, 0);
	}

	@Test
	void logTransformIsLogOfOnePlusTheValue() {
		assertThat(PeerSpec.Transform.LOG.apply(Math.E - 1)).isCloseTo(1, within(1e-12));
		assertThat(PeerSpec.Transform.LOG.apply(0)).isZero();
		assertThat(PeerSpec.Transform.LOG.apply(-1)).isNaN();
		assertThat(PeerSpec.Transform.NONE.apply(-3)).isEqualTo(-3);
	}

	/**
	 * On 2,000 random territories in 3 groups (values rounded so that distances tie), the
	 * same neighbours as a plain sort of every other territory of the group by (distance,
	 * code), and contributions summing to 1.
	 */
	@Test
	void agreesWithSortingEveryCandidate() {
		int n = 2_000;
		int d = 6;
		int k = 10;
		Random random = new Random(12);
		List<String> codes = new ArrayList<>();
		int[] groups = new int[n];
		double[][] columns = new double[d][n];
		for (int i = 0; i < n; i++) {
			codes.add(String.format("%05d", i));
			groups[i] = random.nextInt(3);
			for (int c = 0; c < d; c++) {
				columns[c][i] = random.nextInt(4);
			}
		}
		Coordinates coordinates = new Coordinates(codes, groups, columns, new int[] { 0, 0, 1, 1, 1, 2 },
				List.of("a", "b", "c", "d", "e", "f"), new double[] { 1, 2, 0.5 });
		Standardised standardised = Standardised.of(coordinates);
		Neighbours neighbours = NearestNeighbours.find(k, groups, standardised);
		for (int i = 0; i < n; i += 7) {
			int territory = i;
			List<double[]> candidates = new ArrayList<>();
			for (int j = 0; j < n; j++) {
				if (j != territory && groups[j] == groups[territory]) {
					double squared = 0;
					for (int c = 0; c < standardised.dimensions(); c++) {
						double difference = standardised.values()[territory * standardised.dimensions() + c]
								- standardised.values()[j * standardised.dimensions() + c];
						squared += difference * difference;
					}
					candidates.add(new double[] { squared, j });
				}
			}
			candidates.sort(Comparator.<double[]>comparingDouble((candidate) -> candidate[0])
				.thenComparingDouble((candidate) -> candidate[1]));
			for (int order = 1; order <= k; order++) {
				assertThat(neighbours.peer(territory, order)).as("territory %d, order %d", territory, order)
					.isEqualTo((int) candidates.get(order - 1)[1]);
				assertThat(neighbours.distance(territory, order)).isCloseTo(Math.sqrt(candidates.get(order - 1)[0]),
						within(1e-12));
				double sum = 0;
				for (int f = 0; f < 3; f++) {
					sum += neighbours.contribution(territory, order, f);
				}
				assertThat(sum).isCloseTo((candidates.get(order - 1)[0] > 0) ? 1 : 0, within(1e-12));
			}
		}
	}

	/**
	 * With a heavy, spread first coordinate (the one rows are scanned in the order of,
	 * rounded so that it ties) and light coordinates full of ties, every territory of
	 * 3,000 in two groups gets the neighbours of a plain sort of every other territory of
	 * its group by (distance, code), at exactly the distance summed coordinate by
	 * coordinate.
	 */
	@Test
	void agreesExactlyWithSortingEveryCandidateWhenTheFirstCoordinatePrunes() {
		int n = 3_000;
		int k = 10;
		Random random = new Random(2026);
		List<String> codes = new ArrayList<>();
		int[] groups = new int[n];
		double[][] columns = new double[5][n];
		for (int i = 0; i < n; i++) {
			codes.add(String.format("%05d", i));
			groups[i] = random.nextInt(2);
			columns[0][i] = Math.round(random.nextGaussian() * 10) / 10.0;
			for (int c = 1; c < 5; c++) {
				columns[c][i] = random.nextInt(3);
			}
		}
		Coordinates coordinates = new Coordinates(codes, groups, columns, new int[] { 0, 1, 1, 1, 1 },
				List.of("a", "b", "c", "d", "e"), new double[] { 4, 1 });
		Standardised standardised = Standardised.of(coordinates);
		int d = standardised.dimensions();
		double[] values = standardised.values();
		Neighbours neighbours = NearestNeighbours.find(k, groups, standardised);
		for (int territory = 0; territory < n; territory++) {
			List<double[]> candidates = new ArrayList<>();
			for (int j = 0; j < n; j++) {
				if (j != territory && groups[j] == groups[territory]) {
					double squared = 0;
					for (int c = 0; c < d; c++) {
						double difference = values[territory * d + c] - values[j * d + c];
						squared += difference * difference;
					}
					candidates.add(new double[] { squared, j });
				}
			}
			candidates.sort(Comparator.<double[]>comparingDouble((candidate) -> candidate[0])
				.thenComparingDouble((candidate) -> candidate[1]));
			for (int order = 1; order <= k; order++) {
				assertThat(neighbours.peer(territory, order)).as("territory %d, order %d", territory, order)
					.isEqualTo((int) candidates.get(order - 1)[1]);
				assertThat(neighbours.distance(territory, order)).as("territory %d, order %d", territory, order)
					.isEqualTo(Math.sqrt(candidates.get(order - 1)[0]));
			}
		}
	}

}
