package fr.territoire.secrecy;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to non-negative int values, without boxing; a
 * missing key reads as -1. Sized once: it does not grow.
 */
final class LongIntMap {

	private final long[] keys;

	private final int[] values;

	private final int mask;

	LongIntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2)) << 1;
		this.keys = new long[capacity];
		this.values = new int[capacity];
		Arrays.fill(this.values, -1);
		this.mask = capacity - 1;
	}

	void put(long key, int value) {
		int slot = slot(key);
		while (this.values[slot] >= 0 && this.keys[slot] != key) {
			slot = (slot + 1) & this.mask;
		}
		this.keys[slot] = key;
		this.values[slot] = value;
	}

	int get(long key) {
		int slot = slot(key);
		while (this.values[slot] >= 0) {
			if (this.keys[slot] == key) {
				return this.values[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		return -1;
	}

	private int slot(long key) {
		long mixed = key * 0x9E3779B97F4A7C15L;
		return (int) (mixed ^ (mixed >>> 32)) & this.mask;
	}

}
