package fr.territoire.disclosure;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to non-negative ints: millions of cells without a
 * boxed entry each.
 */
final class LongIntMap {

	private long[] keys;

	private int[] values;

	private int size;

	private int mask;

	LongIntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		this.keys = new long[capacity];
		this.values = new int[capacity];
		Arrays.fill(this.values, -1);
		this.mask = capacity - 1;
	}

	private static int hash(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}

	/** The value of a key, or -1. */
	int get(long key) {
		int slot = hash(key) & this.mask;
		while (this.values[slot] >= 0) {
			if (this.keys[slot] == key) {
				return this.values[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		return -1;
	}

	/** The value of a key, putting {@code value} when absent. */
	int putIfAbsent(long key, int value) {
		int slot = hash(key) & this.mask;
		while (this.values[slot] >= 0) {
			if (this.keys[slot] == key) {
				return this.values[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		this.keys[slot] = key;
		this.values[slot] = value;
		this.size++;
		if (this.size * 2 > this.keys.length) {
			grow();
		}
		return value;
	}

	int size() {
		return this.size;
	}

	private void grow() {
		long[] oldKeys = this.keys;
		int[] oldValues = this.values;
		this.keys = new long[oldKeys.length * 2];
		this.values = new int[oldKeys.length * 2];
		Arrays.fill(this.values, -1);
		this.mask = this.keys.length - 1;
		this.size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldValues[i] >= 0) {
				putIfAbsent(oldKeys[i], oldValues[i]);
			}
		}
	}

}
