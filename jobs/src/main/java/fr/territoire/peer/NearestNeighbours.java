package fr.territoire.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The k nearest neighbours of every territory among the others of its group, by Euclidean
 * distance on standardised, weighted coordinates ({@link Standardised}). Ties are broken
 * by the neighbour's code (its index: codes are sorted), so the result is the same
 * whatever the order rows are computed in.
 * <p>
 * Each row scans its group once (O(n²·d) over a group), keeping a bounded max-heap of its
 * k best; a candidate is abandoned as soon as its partial sum reaches the k-th best
 * distance, which cannot change the result since terms are non-negative and a later
 * candidate loses ties. Rows are computed in parallel.
 */
public final class NearestNeighbours {

	/** Candidates whose heaviest coordinates are summed together, in one pass. */
	private static final int SLICE = 512;

	/** Coordinates summed before the bound is first checked (the heaviest come first). */
	private static final int FIRST = 4;

	/** Coordinates summed between two checks of the bound. */
	private static final int BLOCK = 8;

	private NearestNeighbours() {
	}

	/**
	 * The neighbours of every territory.
	 * @param k how many neighbours each territory gets (fewer when its group is smaller)
	 * @param groups each territory's group, -1 for none (such a territory gets none and
	 * is nobody's neighbour)
	 * @param standardised the coordinates
	 * @return the neighbours, their distances and each feature's contribution
	 */
	public static Neighbours find(int k, int[] groups, Standardised standardised) {
		int n = standardised.size();
		int d = standardised.dimensions();
		if (groups.length != n) {
			throw new IllegalArgumentException("one group per territory");
		}
		Map<Integer, List<Integer>> members = new TreeMap<>();
		for (int i = 0; i < n; i++) {
			if (groups[i] >= 0) {
				members.computeIfAbsent(groups[i], (group) -> new ArrayList<>()).add(i);
			}
		}
		int[] peers = new int[n * k];
		java.util.Arrays.fill(peers, -1);
		double[] squared = new double[n * k];
		for (List<Integer> group : members.values()) {
			int[] index = group.stream().mapToInt(Integer::intValue).toArray();
			Rows rows = new Rows(standardised, index);
			IntStream.range(0, index.length).parallel().forEach((a) -> nearest(a, k, rows, index, peers, squared));
		}
		double[] contributions = contributions(k, standardised, peers, squared);
		double[] distances = new double[squared.length];
		for (int i = 0; i < squared.length; i++) {
			distances[i] = Math.sqrt(squared[i]);
		}
		return new Neighbours(k, standardised.features(), peers, distances, contributions);
	}

	/** The k nearest of row {@code a} of a group, written at its territory's place. */
	private static void nearest(int a, int k, Rows local, int[] index, int[] peers, double[] squared) {
		int rows = index.length;
		double[] heapDistance = new double[k];
		int[] heapPeer = new int[k];
		double[] partial = new double[SLICE];
		int size = 0;
		for (int start = 0; start < rows; start += SLICE) {
			int end = Math.min(start + SLICE, rows);
			local.headDistances(a, start, end, partial);
			for (int b = start; b < end; b++) {
				double bound = (size == k) ? heapDistance[0] : Double.POSITIVE_INFINITY;
				if (b == a || partial[b - start] >= bound) {
					// at best a tie, lost by b: the kept neighbours all have smaller
					// indices
					continue;
				}
				double sum = local.addTail(a, b, partial[b - start], bound);
				if (sum >= bound) {
					continue;
				}
				if (size == k) {
					heapDistance[0] = sum;
					heapPeer[0] = b;
					siftDown(heapDistance, heapPeer, size, 0);
				}
				else {
					heapDistance[size] = sum;
					heapPeer[size] = b;
					siftUp(heapDistance, heapPeer, size);
					size++;
				}
			}
		}
		// pop the worst first: the heap empties into places size-1 … 0
		int territory = index[a];
		for (int place = size - 1; place >= 0; place--) {
			squared[territory * k + place] = heapDistance[0];
			peers[territory * k + place] = index[heapPeer[0]];
			int last = place;
			heapDistance[0] = heapDistance[last];
			heapPeer[0] = heapPeer[last];
			siftDown(heapDistance, heapPeer, last, 0);
		}
	}

	/** Whether (d1, p1) is farther than (d2, p2): by distance, then by index. */
	private static boolean worse(double d1, int p1, double d2, int p2) {
		return (d1 > d2) || (d1 == d2 && p1 > p2);
	}

	private static void siftUp(double[] distance, int[] peer, int at) {
		int child = at;
		while (child > 0) {
			int parent = (child - 1) / 2;
			if (!worse(distance[child], peer[child], distance[parent], peer[parent])) {
				return;
			}
			swap(distance, peer, child, parent);
			child = parent;
		}
	}

	private static void siftDown(double[] distance, int[] peer, int size, int at) {
		int parent = at;
		while (true) {
			int left = 2 * parent + 1;
			if (left >= size) {
				return;
			}
			int worst = left;
			int right = left + 1;
			if (right < size && worse(distance[right], peer[right], distance[left], peer[left])) {
				worst = right;
			}
			if (!worse(distance[worst], peer[worst], distance[parent], peer[parent])) {
				return;
			}
			swap(distance, peer, parent, worst);
			parent = worst;
		}
	}

	private static void swap(double[] distance, int[] peer, int i, int j) {
		double swappedDistance = distance[i];
		distance[i] = distance[j];
		distance[j] = swappedDistance;
		int swappedPeer = peer[i];
		peer[i] = peer[j];
		peer[j] = swappedPeer;
	}

	/**
	 * Each feature's share of the squared distance to each neighbour; all 0 when the
	 * distance is 0.
	 */
	private static double[] contributions(int k, Standardised standardised, int[] peers, double[] squared) {
		int d = standardised.dimensions();
		int features = standardised.features();
		double[] values = standardised.values();
		int[] featureOf = standardised.featureOf();
		double[] contributions = new double[peers.length * features];
		IntStream.range(0, peers.length).parallel().forEach((slot) -> {
			int peer = peers[slot];
			if (peer < 0 || !(squared[slot] > 0)) {
				return;
			}
			int territory = slot / k;
			double total = 0;
			double[] shares = new double[features];
			for (int c = 0; c < d; c++) {
				double difference = values[territory * d + c] - values[peer * d + c];
				shares[featureOf[c]] += difference * difference;
				total += difference * difference;
			}
			for (int f = 0; f < features; f++) {
				contributions[slot * features + f] = shares[f] / total;
			}
		});
		return contributions;
	}

	/**
	 * The rows of one group, split for the scan: the heaviest coordinates column by
	 * column (what most candidates are abandoned after, summed for a slice of candidates
	 * in loops the JIT vectorises), the others row by row.
	 */
	private static final class Rows {

		private final int tailWidth;

		private final double[][] head;

		private final double[] tail;

		Rows(Standardised standardised, int[] index) {
			int d = standardised.dimensions();
			double[] values = standardised.values();
			int headWidth = Math.min(FIRST, d);
			this.tailWidth = d - headWidth;
			this.head = new double[headWidth][index.length];
			this.tail = new double[index.length * this.tailWidth];
			for (int a = 0; a < index.length; a++) {
				for (int c = 0; c < headWidth; c++) {
					this.head[c][a] = values[index[a] * d + c];
				}
				System.arraycopy(values, index[a] * d + headWidth, this.tail, a * this.tailWidth, this.tailWidth);
			}
		}

		/**
		 * The squared distances from row {@code a} to rows {@code start} to {@code end}
		 * (excluded) over the heaviest coordinates, into {@code partial} from 0.
		 */
		void headDistances(int a, int start, int end, double[] partial) {
			java.util.Arrays.fill(partial, 0, end - start, 0);
			for (double[] column : this.head) {
				double self = column[a];
				for (int b = start; b < end; b++) {
					double difference = column[b] - self;
					partial[b - start] += difference * difference;
				}
			}
		}

		/**
		 * The squared distance between two rows from their distance over the heaviest
		 * coordinates, or a partial sum of it once that reaches {@code bound} (checked
		 * every {@link #BLOCK} coordinates).
		 */
		double addTail(int a, int b, double head, double bound) {
			double sum = head;
			int self = a * this.tailWidth;
			int other = b * this.tailWidth;
			int c = 0;
			while (sum < bound && c < this.tailWidth) {
				int end = Math.min(c + BLOCK, this.tailWidth);
				for (; c < end; c++) {
					double difference = this.tail[self + c] - this.tail[other + c];
					sum += difference * difference;
				}
			}
			return sum;
		}

	}

}
