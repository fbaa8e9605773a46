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
			double[] local = new double[index.length * d];
			for (int a = 0; a < index.length; a++) {
				System.arraycopy(standardised.values(), index[a] * d, local, a * d, d);
			}
			IntStream.range(0, index.length).parallel().forEach((a) -> nearest(a, k, d, local, index, peers, squared));
		}
		double[] contributions = contributions(k, standardised, peers, squared);
		double[] distances = new double[squared.length];
		for (int i = 0; i < squared.length; i++) {
			distances[i] = Math.sqrt(squared[i]);
		}
		return new Neighbours(k, standardised.features(), peers, distances, contributions);
	}

	/** The k nearest of row {@code a} of a group, written at its territory's place. */
	private static void nearest(int a, int k, int d, double[] local, int[] index, int[] peers, double[] squared) {
		int rows = index.length;
		double[] heapDistance = new double[k];
		int[] heapPeer = new int[k];
		int size = 0;
		int self = a * d;
		for (int b = 0; b < rows; b++) {
			if (b == a) {
				continue;
			}
			int other = b * d;
			double sum = 0;
			if (size == k) {
				double bound = heapDistance[0];
				boolean beaten = false;
				for (int c = 0; c < d; c++) {
					double difference = local[self + c] - local[other + c];
					sum += difference * difference;
					if (sum >= bound) {
						beaten = true;
						break;
					}
				}
				if (beaten) {
					continue;
				}
				// b beats the worst kept: b is closer (a later index never wins a tie)
				heapDistance[0] = sum;
				heapPeer[0] = b;
				siftDown(heapDistance, heapPeer, size, 0);
			}
			else {
				for (int c = 0; c < d; c++) {
					double difference = local[self + c] - local[other + c];
					sum += difference * difference;
				}
				heapDistance[size] = sum;
				heapPeer[size] = b;
				siftUp(heapDistance, heapPeer, size);
				size++;
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

}
