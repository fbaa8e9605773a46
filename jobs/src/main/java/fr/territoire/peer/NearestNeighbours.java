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
 * The rows of a group are sorted by their first (heaviest) coordinate; each row scans
 * outwards from its place in that order, by slices of candidates, nearer side first,
 * keeping a bounded max-heap of its k best, and stops once the squared difference on the
 * first coordinate alone exceeds the k-th best distance: every row farther in that order
 * is at least that far (the difference grows with the distance in the order, and a sum of
 * non-negative terms never falls below one of them, in floating point too). A candidate
 * is abandoned as soon as its partial sum (the heaviest coordinates first, summed for a
 * whole slice in loops the JIT vectorises) exceeds the k-th best distance. Every distance
 * kept is summed in the same order as a plain scan would (coordinate 0 first), so the
 * neighbours and their distances are exactly those of sorting every candidate by
 * (distance, code). On the communes of the samples this visits a few hundred candidates
 * per row instead of the whole group. Rows are computed in parallel.
 */
public final class NearestNeighbours {

	/** Candidates whose heaviest coordinates are summed together, in one pass. */
	private static final int SLICE = 256;

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
			IntStream.range(0, index.length).parallel().forEach((r) -> nearest(r, k, rows, index, peers, squared));
		}
		double[] contributions = contributions(k, standardised, peers, squared);
		double[] distances = new double[squared.length];
		for (int i = 0; i < squared.length; i++) {
			distances[i] = Math.sqrt(squared[i]);
		}
		return new Neighbours(k, standardised.features(), peers, distances, contributions);
	}

	/**
	 * The k nearest of the row of rank {@code r} in the group's order, written at its
	 * territory's place.
	 */
	private static void nearest(int r, int k, Rows rows, int[] index, int[] peers, double[] squared) {
		double[] heapDistance = new double[k];
		int[] heapPeer = new int[k];
		double[] partial = new double[SLICE];
		int size = 0;
		int count = rows.size();
		// the next ranks to visit below and above r; a side is closed by setting it out
		// of
		// range
		int below = r - 1;
		int above = r + 1;
		while (below >= 0 || above < count) {
			double bound = (size == k) ? heapDistance[0] : Double.POSITIVE_INFINITY;
			double belowFirst = (below >= 0) ? rows.first(r, below) : Double.POSITIVE_INFINITY;
			double aboveFirst = (above < count) ? rows.first(r, above) : Double.POSITIVE_INFINITY;
			boolean up = aboveFirst < belowFirst;
			if ((up ? aboveFirst : belowFirst) > bound) {
				// this side's nearest is already too far, and the other side's farther
				break;
			}
			int start;
			int end;
			if (up) {
				start = above;
				end = Math.min(above + SLICE, count);
				above = end;
			}
			else {
				end = below + 1;
				start = Math.max(0, end - SLICE);
				below = start - 1;
			}
			rows.headDistances(r, start, end, partial);
			for (int i = 0; i < end - start; i++) {
				// nearest first on either side
				int b = up ? start + i : end - 1 - i;
				bound = (size == k) ? heapDistance[0] : Double.POSITIVE_INFINITY;
				if (partial[b - start] > bound) {
					continue;
				}
				double sum = rows.addTail(r, b, partial[b - start], bound);
				int peer = rows.local(b);
				if (size == k) {
					if (!worse(heapDistance[0], heapPeer[0], sum, peer)) {
						continue;
					}
					heapDistance[0] = sum;
					heapPeer[0] = peer;
					siftDown(heapDistance, heapPeer, size, 0);
				}
				else {
					heapDistance[size] = sum;
					heapPeer[size] = peer;
					siftUp(heapDistance, heapPeer, size);
					size++;
				}
			}
		}
		// pop the worst first: the heap empties into places size-1 … 0
		int territory = index[rows.local(r)];
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
	 * The rows of one group sorted by their first coordinate (then by code), split for
	 * the scan: the heaviest coordinates column by column (what most candidates are
	 * abandoned after, summed for a slice of candidates in loops the JIT vectorises), the
	 * others row by row.
	 */
	private static final class Rows {

		private final int tailWidth;

		/** {@code head[coordinate][rank]}. */
		private final double[][] head;

		/** {@code tail[rank * tailWidth + coordinate - FIRST]}. */
		private final double[] tail;

		/** The row of each rank: its place in the group (in the order of codes). */
		private final int[] local;

		Rows(Standardised standardised, int[] index) {
			int d = standardised.dimensions();
			double[] values = standardised.values();
			Integer[] order = new Integer[index.length];
			for (int a = 0; a < index.length; a++) {
				order[a] = a;
			}
			if (d > 0) {
				java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer a) -> values[index[a] * d])
					.thenComparingInt((Integer a) -> a));
			}
			int headWidth = Math.min(FIRST, d);
			this.tailWidth = d - headWidth;
			this.head = new double[headWidth][index.length];
			this.tail = new double[index.length * this.tailWidth];
			this.local = new int[index.length];
			for (int rank = 0; rank < index.length; rank++) {
				int row = index[order[rank]];
				this.local[rank] = order[rank];
				for (int c = 0; c < headWidth; c++) {
					this.head[c][rank] = values[row * d + c];
				}
				System.arraycopy(values, row * d + headWidth, this.tail, rank * this.tailWidth, this.tailWidth);
			}
		}

		int size() {
			return this.local.length;
		}

		int local(int rank) {
			return this.local[rank];
		}

		/**
		 * The squared difference of two rows on the first coordinate: no more than their
		 * squared distance, and growing with the distance between their ranks; 0 without
		 * coordinates.
		 */
		double first(int a, int b) {
			if (this.head.length == 0) {
				return 0;
			}
			double difference = this.head[0][b] - this.head[0][a];
			return difference * difference;
		}

		/**
		 * The squared distances from rank {@code a} to ranks {@code start} to {@code end}
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
		 * The squared distance between two ranks from their distance over the heaviest
		 * coordinates, or a partial sum of it once that exceeds {@code bound} (checked
		 * every {@link #BLOCK} coordinates).
		 */
		double addTail(int a, int b, double head, double bound) {
			double sum = head;
			int self = a * this.tailWidth;
			int other = b * this.tailWidth;
			int c = 0;
			while (sum <= bound && c < this.tailWidth) {
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
