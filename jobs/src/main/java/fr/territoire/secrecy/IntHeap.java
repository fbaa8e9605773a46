package fr.territoire.secrecy;

import java.util.Arrays;

/**
 * A binary min-heap of ints, duplicates allowed.
 */
final class IntHeap {

	private int[] heap = new int[64];

	private int size;

	boolean isEmpty() {
		return this.size == 0;
	}

	void clear() {
		this.size = 0;
	}

	void push(int value) {
		if (this.size == this.heap.length) {
			this.heap = Arrays.copyOf(this.heap, this.size * 2);
		}
		int at = this.size++;
		while (at > 0) {
			int parent = (at - 1) >>> 1;
			if (this.heap[parent] <= value) {
				break;
			}
			this.heap[at] = this.heap[parent];
			at = parent;
		}
		this.heap[at] = value;
	}

	int pop() {
		int top = this.heap[0];
		int last = this.heap[--this.size];
		int at = 0;
		while (true) {
			int child = 2 * at + 1;
			if (child >= this.size) {
				break;
			}
			if (child + 1 < this.size && this.heap[child + 1] < this.heap[child]) {
				child++;
			}
			if (this.heap[child] >= last) {
				break;
			}
			this.heap[at] = this.heap[child];
			at = child;
		}
		if (this.size > 0) {
			this.heap[at] = last;
		}
		return top;
	}

}
