package fr.territoire.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The timing of the neighbours of one large group, not a test: N synthetic territories
 * (35,000 by default, more than the communes of France) in a single group, with the
 * coordinates of the default {@code warehouse/peers.yaml} (population, density, 21 NAF
 * section shares, creation rate, employer share: 25 coordinates, 5 features), k = 10.
 * Prints the time to standardise and find the neighbours, best of a few runs.
 *
 * <pre>
 * java -cp target/classes:target/test-classes fr.territoire.peer.NearestNeighboursBenchmark [N] [RUNS]
 * </pre>
 */
public final class NearestNeighboursBenchmark {

	private NearestNeighboursBenchmark() {
	}

	public static void main(String[] arguments) {
		int n = (arguments.length > 0) ? Integer.parseInt(arguments[0]) : 35_000;
		int runs = (arguments.length > 1) ? Integer.parseInt(arguments[1]) : 3;
		Coordinates coordinates = synthetic(n, new Random(2026));
		long best = Long.MAX_VALUE;
		for (int run = 0; run < runs; run++) {
			long started = System.nanoTime();
			Standardised standardised = Standardised.of(coordinates);
			Neighbours neighbours = NearestNeighbours.find(10, coordinates.groups(), standardised);
			long elapsed = (System.nanoTime() - started) / 1_000_000;
			best = Math.min(best, elapsed);
			System.out.printf("run %d: %,d territories × %d coordinates, k = 10: %,d ms (first neighbour of %s: %s)%n",
					run + 1, n, standardised.dimensions(), elapsed, coordinates.codes().get(0),
					coordinates.codes().get(neighbours.peer(0, 1)));
		}
		System.out.printf("best: %,d ms on %d processors%n", best, Runtime.getRuntime().availableProcessors());
	}

	/** Territories of one group with plausible spreads of the default features. */
	static Coordinates synthetic(int n, Random random) {
		List<String> codes = new ArrayList<>();
		int sections = 21;
		double[][] columns = new double[4 + sections][n];
		int[] featureOf = new int[4 + sections];
		List<String> labels = new ArrayList<>(List.of("population", "density"));
		for (int i = 0; i < n; i++) {
			codes.add(String.format("%05d", i));
			columns[0][i] = Math.log1p(Math.exp(6 + 1.5 * random.nextGaussian()));
			columns[1][i] = Math.log1p(Math.exp(4 + 0.6 * random.nextGaussian()));
			double total = 0;
			for (int s = 0; s < sections; s++) {
				columns[2 + s][i] = random.nextDouble() * random.nextDouble();
				total += columns[2 + s][i];
			}
			for (int s = 0; s < sections; s++) {
				columns[2 + s][i] = 100 * columns[2 + s][i] / total;
			}
			columns[2 + sections][i] = Math.max(0, 8 + 4 * random.nextGaussian());
			columns[3 + sections][i] = Math.min(100, Math.max(0, 25 + 10 * random.nextGaussian()));
		}
		featureOf[1] = 1;
		for (int s = 0; s < sections; s++) {
			featureOf[2 + s] = 2;
			labels.add("sectors:" + (char) ('A' + s));
		}
		featureOf[2 + sections] = 3;
		featureOf[3 + sections] = 4;
		labels.add("creation_rate");
		labels.add("employer_share");
		return new Coordinates(codes, new int[n], columns, featureOf, labels, new double[] { 1, 1, 1, 1, 1 });
	}

}
