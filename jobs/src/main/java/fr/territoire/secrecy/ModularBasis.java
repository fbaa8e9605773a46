package fr.territoire.secrecy;

import java.util.Arrays;

/**
 * A basis of the span of published cells, kept by sparse Gaussian elimination in exact
 * arithmetic modulo the prime 2³¹ − 1. Vectors are 0/1 sums of coordinates (the unknown
 * inner cells). Each basis vector remembers the published cell it came from and how it
 * was reduced, so that a vector found in the span can be written back as a combination of
 * published cells.
 *
 * <p>
 * Over the integers, a vector in the span is also in the span modulo p; the converse may
 * fail. So a primary cell found outside the span modulo p is outside it over the
 * rationals too: working modulo p can over-suppress, never leak.
 */
final class ModularBasis {

	static final long PRIME = 2_147_483_647L;

	private final int[] pivotOf;

	/**
	 * How many vectors still to be added contain each coordinate: pivots go where fill-in
	 * is least.
	 */
	private final int[] remaining;

	private int size;

	private int[][] coordinates = new int[256][];

	private int[][] values = new int[256][];

	private int[] pivot = new int[256];

	private int[] origin = new int[256];

	private long[] inverse = new long[256];

	private int[][] recordBasis = new int[256][];

	private int[][] recordCoefficient = new int[256][];

	private final long[] accumulator;

	private final boolean[] touched;

	private final IntList touchedList = new IntList();

	private final IntHeap heap = new IntHeap();

	private final IntList lastBasis = new IntList();

	private final IntList lastCoefficient = new IntList();

	private long[] lambda = new long[0];

	ModularBasis(int dimension, int[] remaining) {
		this.pivotOf = new int[dimension];
		Arrays.fill(this.pivotOf, -1);
		this.remaining = remaining;
		this.accumulator = new long[dimension];
		this.touched = new boolean[dimension];
	}

	int size() {
		return this.size;
	}

	long nonZeros() {
		long total = 0;
		for (int k = 0; k < this.size; k++) {
			total += this.coordinates[k].length;
		}
		return total;
	}

	/**
	 * Reduces a 0/1 vector against the basis; its residual stays in the work area.
	 * @param vector the coordinates whose coefficient is 1
	 * @param length how many of them
	 * @return true if the vector is in the span (the residual is zero)
	 */
	boolean reduce(int[] vector, int length) {
		clearWork();
		for (int i = 0; i < length; i++) {
			int c = vector[i];
			touch(c);
			this.accumulator[c] = (this.accumulator[c] + 1) % PRIME;
			if (this.pivotOf[c] >= 0) {
				this.heap.push(this.pivotOf[c]);
			}
		}
		int previous = -1;
		while (!this.heap.isEmpty()) {
			int k = this.heap.pop();
			if (k == previous) {
				continue;
			}
			previous = k;
			long coefficient = this.accumulator[this.pivot[k]];
			if (coefficient == 0) {
				continue;
			}
			this.lastBasis.add(k);
			this.lastCoefficient.add((int) coefficient);
			int[] coordinatesOfK = this.coordinates[k];
			int[] valuesOfK = this.values[k];
			for (int i = 0; i < coordinatesOfK.length; i++) {
				int c = coordinatesOfK[i];
				if (!this.touched[c]) {
					touch(c);
				}
				long updated = (this.accumulator[c] - coefficient * valuesOfK[i]) % PRIME;
				this.accumulator[c] = (updated < 0) ? updated + PRIME : updated;
				int other = this.pivotOf[c];
				if (other > k) {
					this.heap.push(other);
				}
			}
		}
		for (int i = 0; i < this.touchedList.size(); i++) {
			if (this.accumulator[this.touchedList.get(i)] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The residual of the last {@link #reduce}.
	 * @param coordinatesOut receives its coordinates
	 * @param valuesOut receives its values
	 */
	void lastResidual(IntList coordinatesOut, IntList valuesOut) {
		coordinatesOut.clear();
		valuesOut.clear();
		for (int i = 0; i < this.touchedList.size(); i++) {
			int c = this.touchedList.get(i);
			if (this.accumulator[c] != 0) {
				coordinatesOut.add(c);
				valuesOut.add((int) this.accumulator[c]);
			}
		}
	}

	int[] coordinates(int k) {
		return this.coordinates[k];
	}

	int[] values(int k) {
		return this.values[k];
	}

	int pivot(int k) {
		return this.pivot[k];
	}

	/**
	 * Adds the residual of the last {@link #reduce} as a basis vector.
	 * @param cell the published cell it came from
	 * @return its index, -1 if the residual was zero
	 */
	int addResidual(int cell) {
		int count = 0;
		int best = -1;
		for (int i = 0; i < this.touchedList.size(); i++) {
			int c = this.touchedList.get(i);
			if (this.accumulator[c] != 0) {
				count++;
				if (best < 0 || this.remaining[c] < this.remaining[best]
						|| (this.remaining[c] == this.remaining[best] && c < best)) {
					best = c;
				}
			}
		}
		if (count == 0) {
			return -1;
		}
		grow();
		long inverse = power(this.accumulator[best], PRIME - 2);
		int[] coordinatesOfNew = new int[count];
		int[] valuesOfNew = new int[count];
		int at = 0;
		for (int i = 0; i < this.touchedList.size(); i++) {
			int c = this.touchedList.get(i);
			if (this.accumulator[c] != 0) {
				coordinatesOfNew[at] = c;
				valuesOfNew[at] = (int) (this.accumulator[c] * inverse % PRIME);
				at++;
			}
		}
		int k = this.size++;
		this.coordinates[k] = coordinatesOfNew;
		this.values[k] = valuesOfNew;
		this.pivot[k] = best;
		this.origin[k] = cell;
		this.inverse[k] = inverse;
		this.recordBasis[k] = this.lastBasis.toArray();
		this.recordCoefficient[k] = this.lastCoefficient.toArray();
		this.pivotOf[best] = k;
		return k;
	}

	/** One fewer vector to come contains each of these coordinates. */
	void consumed(int[] vector, int length) {
		for (int i = 0; i < length; i++) {
			this.remaining[vector[i]]--;
		}
	}

	/**
	 * Writes the vector last reduced to zero as a combination of the published cells the
	 * basis came from.
	 * @param cells receives the cells with a non-zero coefficient
	 * @param coefficients receives their coefficients modulo the prime
	 */
	void expandLast(IntList cells, IntList coefficients) {
		if (this.lambda.length < this.size) {
			this.lambda = new long[this.size];
		}
		IntHeap descending = new IntHeap();
		IntList used = new IntList();
		for (int i = 0; i < this.lastBasis.size(); i++) {
			int k = this.lastBasis.get(i);
			if (this.lambda[k] == 0) {
				descending.push(-k);
				used.add(k);
			}
			this.lambda[k] = (this.lambda[k] + this.lastCoefficient.get(i)) % PRIME;
		}
		int previous = -1;
		while (!descending.isEmpty()) {
			int k = -descending.pop();
			if (k == previous) {
				continue;
			}
			previous = k;
			long l = this.lambda[k];
			if (l == 0) {
				continue;
			}
			long originCoefficient = l * this.inverse[k] % PRIME;
			cells.add(this.origin[k]);
			coefficients.add((int) originCoefficient);
			int[] basis = this.recordBasis[k];
			int[] mu = this.recordCoefficient[k];
			for (int i = 0; i < basis.length; i++) {
				int j = basis[i];
				if (this.lambda[j] == 0) {
					descending.push(-j);
					used.add(j);
				}
				long updated = (this.lambda[j] - originCoefficient * mu[i]) % PRIME;
				this.lambda[j] = (updated < 0) ? updated + PRIME : updated;
			}
		}
		for (int i = 0; i < used.size(); i++) {
			this.lambda[used.get(i)] = 0;
		}
	}

	private void touch(int c) {
		this.touched[c] = true;
		this.touchedList.add(c);
	}

	private void clearWork() {
		for (int i = 0; i < this.touchedList.size(); i++) {
			int c = this.touchedList.get(i);
			this.touched[c] = false;
			this.accumulator[c] = 0;
		}
		this.touchedList.clear();
		this.heap.clear();
		this.lastBasis.clear();
		this.lastCoefficient.clear();
	}

	private void grow() {
		if (this.size == this.pivot.length) {
			int capacity = this.size * 2;
			this.coordinates = Arrays.copyOf(this.coordinates, capacity);
			this.values = Arrays.copyOf(this.values, capacity);
			this.pivot = Arrays.copyOf(this.pivot, capacity);
			this.origin = Arrays.copyOf(this.origin, capacity);
			this.inverse = Arrays.copyOf(this.inverse, capacity);
			this.recordBasis = Arrays.copyOf(this.recordBasis, capacity);
			this.recordCoefficient = Arrays.copyOf(this.recordCoefficient, capacity);
		}
	}

	static long power(long base, long exponent) {
		long result = 1;
		long b = base % PRIME;
		long e = exponent;
		while (e > 0) {
			if ((e & 1) == 1) {
				result = result * b % PRIME;
			}
			b = b * b % PRIME;
			e >>= 1;
		}
		return result;
	}

}
