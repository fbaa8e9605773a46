package fr.territoire.secrecy;

import java.util.Arrays;

/**
 * A growable list of ints, without boxing.
 */
final class IntList {

	private int[] values = new int[16];

	private int size;

	void add(int value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	int get(int index) {
		return this.values[index];
	}

	int size() {
		return this.size;
	}

	void clear() {
		this.size = 0;
	}

	int[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}

}
