package fr.territoire.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The unknown cells around one cell, reached through the relations breadth first up to a
 * cap, and the relations touching them restricted to them: the unknowns outside are held
 * fixed. A null vector of this restricted system, extended by zeros, is a null vector of
 * the whole system, so a cell it moves is not determined by the published values. When
 * the search exhausts the connected component before the cap ({@link #closed()}), the
 * restricted system is the whole component's.
 */
final class Neighbourhood {

	private final Relations relations;

	private final boolean[] unknown;

	private final int[] localOf;

	private final int[] cellStamp;

	private final int[] relationStamp;

	private int stamp;

	private int[] members = new int[16];

	private int count;

	private boolean closed;

	private final List<Integer> touching = new ArrayList<>();

	private final SplittableRandom random = new SplittableRandom(13);

	Neighbourhood(Cells cells, Relations relations, boolean[] unknown) {
		this.relations = relations;
		this.unknown = unknown;
		this.localOf = new int[cells.size];
		this.cellStamp = new int[cells.size];
		this.relationStamp = new int[Math.max(1, relations.size)];
	}

	/** Collects the unknown cells around {@code seed}, at most {@code cap}. */
	void collect(int seed, int cap) {
		this.stamp++;
		this.count = 0;
		this.closed = true;
		this.touching.clear();
		add(seed);
		for (int i = 0; i < this.count; i++) {
			int cell = this.members[i];
			// the smallest relations first: a département's hundreds of communes would
			// fill the cap
			// before the few cells of a commune's own sector relations
			int[] ordered = this.relations.relationsOf(cell);
			sortBySize(ordered);
			for (int relation : ordered) {
				if (this.relationStamp[relation] == this.stamp) {
					continue;
				}
				this.relationStamp[relation] = this.stamp;
				this.touching.add(relation);
				for (int member : this.relations.members[relation]) {
					if (this.unknown[member] && this.cellStamp[member] != this.stamp) {
						if (this.count >= cap) {
							this.closed = false;
						}
						else {
							add(member);
						}
					}
				}
			}
		}
	}

	private void sortBySize(int[] ordered) {
		for (int i = 1; i < ordered.length; i++) {
			int relation = ordered[i];
			int size = this.relations.members[relation].length;
			int j = i - 1;
			while (j >= 0 && this.relations.members[ordered[j]].length > size) {
				ordered[j + 1] = ordered[j];
				j--;
			}
			ordered[j + 1] = relation;
		}
	}

	private void add(int cell) {
		if (this.count == this.members.length) {
			this.members = Arrays.copyOf(this.members, this.count * 2);
		}
		this.cellStamp[cell] = this.stamp;
		this.localOf[cell] = this.count;
		this.members[this.count++] = cell;
	}

	/** The cells collected, the seed first. */
	int[] members() {
		return Arrays.copyOf(this.members, this.count);
	}

	boolean closed() {
		return this.closed;
	}

	/** The relations touching the cells collected. */
	List<Integer> relations() {
		return this.touching;
	}

	/** Whether a cell is one of the collected ones, and its local index. */
	int local(int cell) {
		return (this.cellStamp[cell] == this.stamp) ? this.localOf[cell] : -1;
	}

	/**
	 * A random vector of the null space of the restricted relations, modulo 2^61 − 1,
	 * indexed like {@link #members()}: echelon form by Gaussian elimination, free
	 * unknowns drawn at random, the others solved back.
	 */
	long[] randomKernelVector() {
		int m = this.count;
		int[] pivot = new int[m];
		Arrays.fill(pivot, -1);
		List<int[]> rowColumns = new ArrayList<>();
		List<long[]> rowValues = new ArrayList<>();
		for (int relation : this.touching) {
			int[] relationMembers = this.relations.members[relation];
			int n = 0;
			int[] columns = new int[relationMembers.length];
			long[] values = new long[relationMembers.length];
			for (int i = 0; i < relationMembers.length; i++) {
				int local = local(relationMembers[i]);
				if (local >= 0 && this.unknown[relationMembers[i]]) {
					columns[n] = local;
					values[n] = ModP.of(this.relations.coefficient(relation, i));
					n++;
				}
			}
			sort(columns, values, n);
			insert(Arrays.copyOf(columns, n), Arrays.copyOf(values, n), pivot, rowColumns, rowValues);
		}
		long[] z = new long[m];
		for (int column = m - 1; column >= 0; column--) {
			if (pivot[column] < 0) {
				z[column] = this.random.nextLong(1, ModP.P);
			}
			else {
				int[] columns = rowColumns.get(pivot[column]);
				long[] values = rowValues.get(pivot[column]);
				long sum = 0;
				for (int j = 1; j < columns.length; j++) {
					sum = ModP.add(sum, ModP.mul(values[j], z[columns[j]]));
				}
				z[column] = ModP.sub(0, sum);
			}
		}
		return z;
	}

	private static void sort(int[] columns, long[] values, int n) {
		for (int i = 1; i < n; i++) {
			int column = columns[i];
			long value = values[i];
			int j = i - 1;
			while (j >= 0 && columns[j] > column) {
				columns[j + 1] = columns[j];
				values[j + 1] = values[j];
				j--;
			}
			columns[j + 1] = column;
			values[j + 1] = value;
		}
	}

	private static void insert(int[] columns, long[] values, int[] pivot, List<int[]> rowColumns,
			List<long[]> rowValues) {
		while (columns.length > 0) {
			int lead = columns[0];
			int existing = pivot[lead];
			if (existing < 0) {
				long inverse = ModP.inverse(values[0]);
				for (int i = 0; i < values.length; i++) {
					values[i] = ModP.mul(values[i], inverse);
				}
				pivot[lead] = rowColumns.size();
				rowColumns.add(columns);
				rowValues.add(values);
				return;
			}
			// row − values[0] × pivot row (whose lead is 1)
			long factor = values[0];
			int[] otherColumns = rowColumns.get(existing);
			long[] otherValues = rowValues.get(existing);
			int[] mergedColumns = new int[columns.length + otherColumns.length];
			long[] mergedValues = new long[columns.length + otherColumns.length];
			int i = 1;
			int j = 1;
			int n = 0;
			while (i < columns.length || j < otherColumns.length) {
				int a = (i < columns.length) ? columns[i] : Integer.MAX_VALUE;
				int b = (j < otherColumns.length) ? otherColumns[j] : Integer.MAX_VALUE;
				long value;
				int column;
				if (a < b) {
					column = a;
					value = values[i++];
				}
				else if (b < a) {
					column = b;
					value = ModP.sub(0, ModP.mul(factor, otherValues[j++]));
				}
				else {
					column = a;
					value = ModP.sub(values[i++], ModP.mul(factor, otherValues[j++]));
				}
				if (value != 0) {
					mergedColumns[n] = column;
					mergedValues[n] = value;
					n++;
				}
			}
			columns = Arrays.copyOf(mergedColumns, n);
			values = Arrays.copyOf(mergedValues, n);
		}
	}

}
