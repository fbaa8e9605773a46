package fr.territoire.secrecy;

import java.util.Arrays;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protection interval of the primary cells: given every published cell and every cell
 * ≥ 0, a primary cell's feasible range must reach ±interval × its value. A cell that a
 * rectangle certifies ({@link IntervalCertificate}) is left alone; for the others two
 * linear programmes (ojAlgo) bound its range on the unknown cells around it, reached
 * through the relations breadth first (smallest relations first), the unknowns outside
 * held at their true values: any solution extends to the whole table, so a range wide
 * enough there is wide enough. A cell whose range stays too narrow at the widest
 * neighbourhood is reported, and the caller hides more beside it.
 */
final class IntervalGuard {

	/**
	 * The neighbourhoods tried, in unknown cells ({@code -Dsecrecy.intervalCaps} for
	 * experiments).
	 */
	private static final int[] CAPS = Arrays.stream(System.getProperty("secrecy.intervalCaps", "24,96,640").split(","))
		.mapToInt(Integer::parseInt)
		.toArray();

	private long programmes;

	/**
	 * The most uncertified primary cells the guard looks at: beyond, it does nothing (a
	 * count, not a time, so that a table is always protected the same way). At 10 M
	 * establishments 545,954 primary cells have no rectangle and each takes about 1.5 s
	 * of programmes; on the samples' employees table, 285 cells take 16 to 30 s.
	 */
	private static final long LIMIT = Long.getLong("secrecy.intervalGuardLimit", 2_000L);

	private static final Logger logger = LoggerFactory.getLogger(IntervalGuard.class);

	private final SuppressionTable table;

	private final byte[] status;

	private final double interval;

	private final int[] localOf;

	private final int[] cellStamp;

	private final int[] relationStamp;

	private int stamp;

	private int[] members = new int[64];

	private int count;

	private final IntList touching = new IntList();

	IntervalGuard(SuppressionTable table, byte[] status, double interval) {
		this.table = table;
		this.status = status;
		this.interval = interval;
		this.localOf = new int[table.cellCount];
		this.cellStamp = new int[table.cellCount];
		this.relationStamp = new int[Math.max(1, table.relationCount())];
	}

	/**
	 * The primary cells whose feasible range is not shown to reach the interval. Hiding
	 * more cells only widens ranges, and publishing a determined cell leaves them as they
	 * are, so a later pass need only look again at the cells an earlier one found narrow.
	 * @param among the cells to look at, or null for every primary cell
	 * @return those cells
	 */
	IntList narrow(IntList among) {
		IntList narrow = new IntList();
		if (this.interval <= 0) {
			return narrow;
		}
		boolean[] certified = IntervalCertificate.certified(this.table, this.status, this.interval);
		if (among == null) {
			long uncertified = 0;
			for (int cell = 0; cell < this.table.cellCount; cell++) {
				uncertified += (this.status[cell] == SuppressionTable.PRIMARY && this.table.value[cell] > 0
						&& !certified[cell]) ? 1 : 0;
			}
			if (uncertified > LIMIT) {
				logger.warn(
						"secondary suppression of {} {}: {} primary cells without a rectangle, more than the "
								+ "interval guard's {}: their protection interval is left to the audit",
						this.table.tableId, this.table.period, uncertified, LIMIT);
				return narrow;
			}
		}
		int size = (among == null) ? this.table.cellCount : among.size();
		for (int i = 0; i < size; i++) {
			int cell = (among == null) ? i : among.get(i);
			if (this.status[cell] != SuppressionTable.PRIMARY || this.table.value[cell] <= 0 || certified[cell]) {
				continue;
			}
			if (!wideEnough(cell)) {
				narrow.add(cell);
			}
		}
		return narrow;
	}

	/** The linear programmes solved so far. */
	long programmes() {
		return this.programmes;
	}

	private boolean wideEnough(int cell) {
		double v = this.table.value[cell];
		double need = this.interval * v * (1 + 1e-9);
		for (int cap : CAPS) {
			boolean closed = collect(cell, cap);
			if (solve(true) >= v + need && solve(false) <= v - need) {
				return true;
			}
			if (closed) {
				return false;
			}
		}
		return false;
	}

	private boolean unknown(int cell) {
		return !this.table.published[cell] || this.status[cell] != SuppressionTable.OK;
	}

	/** Collects the unknown cells around a cell; whether the search exhausted them. */
	private boolean collect(int seed, int cap) {
		SuppressionTable t = this.table;
		this.stamp++;
		this.count = 0;
		this.touching.clear();
		boolean closed = true;
		add(seed);
		for (int i = 0; i < this.count; i++) {
			int cell = this.members[i];
			int[] relations = Arrays.copyOfRange(t.memberRelations, t.memberStart[cell], t.memberStart[cell + 1]);
			long[] bySize = new long[relations.length];
			for (int k = 0; k < relations.length; k++) {
				int r = relations[k];
				bySize[k] = ((long) (t.relationStart[r + 1] - t.relationStart[r]) << 32) | r;
			}
			Arrays.sort(bySize);
			for (long entry : bySize) {
				int relation = (int) entry;
				if (this.relationStamp[relation] == this.stamp) {
					continue;
				}
				this.relationStamp[relation] = this.stamp;
				this.touching.add(relation);
				for (int m = t.relationStart[relation]; m < t.relationStart[relation + 1]; m++) {
					int member = t.relationMembers[m];
					if (unknown(member) && this.cellStamp[member] != this.stamp) {
						if (this.count >= cap) {
							closed = false;
						}
						else {
							add(member);
						}
					}
				}
			}
		}
		return closed;
	}

	private void add(int cell) {
		if (this.count == this.members.length) {
			this.members = Arrays.copyOf(this.members, this.count * 2);
		}
		this.cellStamp[cell] = this.stamp;
		this.localOf[cell] = this.count;
		this.members[this.count++] = cell;
	}

	private double solve(boolean maximise) {
		this.programmes++;
		SuppressionTable t = this.table;
		ExpressionsBasedModel model = new ExpressionsBasedModel();
		Variable[] variables = new Variable[this.count];
		for (int i = 0; i < this.count; i++) {
			variables[i] = model.addVariable("x" + i).lower(Math.min(0, t.value[this.members[i]]));
		}
		variables[0].weight(1);
		for (int k = 0; k < this.touching.size(); k++) {
			int relation = this.touching.get(k);
			Expression expression = model.addExpression("r" + relation);
			double level = 0;
			for (int m = t.relationStart[relation]; m < t.relationStart[relation + 1]; m++) {
				int member = t.relationMembers[m];
				if (this.cellStamp[member] == this.stamp) {
					// the total first, then its parts: total − Σ parts = 0
					int coefficient = (m == t.relationStart[relation]) ? 1 : -1;
					expression.set(variables[this.localOf[member]], coefficient);
					level += coefficient * t.value[member];
				}
			}
			expression.level(level);
		}
		Optimisation.Result result = maximise ? model.maximise() : model.minimise();
		if (result.getState() == Optimisation.State.UNBOUNDED) {
			return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
		}
		if (!result.getState().isFeasible()) {
			return t.value[this.members[0]];
		}
		return result.getValue();
	}

}
