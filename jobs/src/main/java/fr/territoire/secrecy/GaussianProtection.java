package fr.territoire.secrecy;

import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secondary suppression by Gaussian elimination (after Langsrud's GaussSuppression).
 *
 * <p>
 * Every cell is a 0/1 sum of inner cells. An inner cell published and not secret is
 * known, so it removes its coordinate; the others (secret or unpublished) are the
 * unknowns. A primary cell is recoverable exactly when its vector, restricted to the
 * unknowns, lies in the span of the published non-secret cells restricted alike. The
 * cells are first seeded with the baseline's (the smallest other cell of each relation
 * that exposes a primary cell alone: cheap, and mostly needed anyway). Each round then
 * builds the span (sparse elimination, smallest cells first so that larger cells reduce
 * to little), finds the recoverable primary cells and, for each, writes it as a
 * combination of published cells and known inner cells: one of those must go. In the
 * choosing rounds the one chosen is the smallest that is at least {@code interval} × the
 * primary's value (the largest if none is), and a primary cell whose combination lost a
 * cell in the same round waits for the next; in the tail rounds every cell of the
 * combination worth at most a few times the chosen one goes with it (closing chains of
 * small cells faster); as a last resort the whole combination goes, which ends the
 * rounds. Rounds repeat until no primary cell is recoverable. Then the secondary cells
 * are given back, largest first, whenever that leaves every primary cell outside the span
 * (Langsrud's greedy criterion; skipped when the primary residuals pass the memory
 * budget), and the singleton rule and the relation repair are applied until stable
 * (suppressing more never makes a primary cell recoverable again; a secondary cell
 * published again is one its relations give away). Last, the settling publishes again
 * every secondary cell that combinations of relations determine and guards a third cell
 * beside two secret parts one of which rests on a single unit, and the interval guard
 * gives partners to primary cells whose feasible range does not reach the interval
 * (guarded cells are protected by the rounds like primary cells).
 */
final class GaussianProtection {

	private final SuppressionTable table;

	private final double interval;

	private final byte[] status;

	/**
	 * Secondary cells that must stay undetermined too (the third cell hidden beside two
	 * secret parts one of which rests on a single unit): the rounds protect them like
	 * primary cells, and they are never published again.
	 */
	private final boolean[] guarded;

	private int rounds;

	/**
	 * The round at which the current series began: the rounds run again after the
	 * settling or the interval guard start choosing again, rather than at the last resort
	 * where the first series ended (hiding whole combinations cost 10 points at 10 M).
	 */
	private int roundBase;

	/**
	 * Rounds in which each recoverable primary cell loses one cell of its combination
	 * (the smallest that keeps the protection interval).
	 */
	private static final int CHOOSING_ROUNDS = Integer.getInteger("secrecy.choosingRounds", 12);

	/**
	 * After the choosing rounds, a recoverable primary cell loses every cell of its
	 * combination worth at most this factor times the one chosen (the small ones), which
	 * closes the chains of small cells that one cut per round follows slowly.
	 */
	private static final double TAIL_FACTOR = Double.parseDouble(System.getProperty("secrecy.tailFactor", "4"));

	/** Rounds after which a recoverable primary cell loses its whole combination. */
	private static final int LAST_RESORT_ROUNDS = Integer.getInteger("secrecy.lastResortRounds", 40);

	/**
	 * The most residual coordinates the pruning keeps (about 8 bytes each, twice with the
	 * index).
	 */
	private static final long PRUNING_BUDGET = Long.getLong("secrecy.pruningBudget", 12_000_000L);

	GaussianProtection(SuppressionTable table, double interval) {
		this.table = table;
		this.interval = interval;
		this.status = table.status.clone();
		this.guarded = new boolean[table.cellCount];
	}

	/**
	 * Starts from the baseline's cells: one relation at a time, the smallest other cell
	 * of each exposed relation. Cheap, and most of what it hides is needed anyway; the
	 * rounds then repair what combinations of relations still reveal.
	 */
	private void seedWithBaseline() {
		byte[] seeded = SmallestCellProtection.protect(this.table);
		System.arraycopy(seeded, 0, this.status, 0, seeded.length);
	}

	/**
	 * Runs the rounds.
	 * @return the final status of every cell
	 */
	byte[] protect() {
		seedWithBaseline();
		trace("seeded by the baseline: %d secondary, %.4f of the value", count(SuppressionTable.SECONDARY), loss());
		while (linearRound() > 0) {
			this.rounds++;
		}
		trace("before pruning: %d secondary, %.3f of the value", count(SuppressionTable.SECONDARY), loss());
		breakdown("before pruning");
		long start = System.nanoTime();
		prune();
		trace("after pruning: %d secondary, %.3f of the value (%.1f s)", count(SuppressionTable.SECONDARY), loss(),
				(System.nanoTime() - start) / 1e9);
		breakdown("after pruning");
		start = System.nanoTime();
		int passes = 0;
		while (SingletonRule.apply(this.table, this.status) > 0) {
			passes++;
		}
		trace("after singletons: %d secondary, %.3f of the value", count(SuppressionTable.SECONDARY), loss());
		int repairs = RelationRepair.apply(this.table, this.status, this.interval);
		breakdown("after repair");
		trace("after %d rounds of relation repair: %d secondary", repairs, count(SuppressionTable.SECONDARY));
		settle();
		protectIntervals();
		if (this.interval > 0 && logger.isDebugEnabled()) {
			long[] certified = IntervalCertificate.count(this.table, this.status, this.interval);
			trace("interval: %d of %d primary cells with a positive value certified by a rectangle", certified[0],
					certified[1]);
		}
		trace("after %d singleton passes: %d secondary, %.3f of the value (%.1f s)", passes,
				count(SuppressionTable.SECONDARY), loss(), (System.nanoTime() - start) / 1e9);
		return this.status;
	}

	/**
	 * Counts the primary cells that the published non-secret cells determine.
	 * @param table the table
	 * @param status the status of every cell
	 * @return how many primary cells are recoverable
	 */
	static long recoverable(SuppressionTable table, byte[] status) {
		GaussianProtection check = new GaussianProtection(table, 0);
		System.arraycopy(status, 0, check.status, 0, status.length);
		Span span = check.span();
		long recoverable = 0;
		for (int cell = 0; cell < table.cellCount; cell++) {
			if (status[cell] == SuppressionTable.PRIMARY) {
				check.vector = check.restrict(cell, span.coordinate(), check.vector);
				recoverable += span.basis().reduce(check.vector, check.restrictedLength) ? 1 : 0;
			}
		}
		return recoverable;
	}

	int rounds() {
		return this.rounds;
	}

	private boolean known(int inner) {
		int cell = this.table.innerCell[inner];
		return this.table.published[cell] && this.status[cell] == SuppressionTable.OK;
	}

	/**
	 * The unknown inner cells' coordinates and the span of the published non-secret
	 * cells.
	 */
	private record Span(int[] coordinate, ModularBasis basis) {
	}

	private Span span() {
		SuppressionTable t = this.table;
		int[] coordinate = new int[t.innerCount];
		int unknowns = 0;
		for (int inner = 0; inner < t.innerCount; inner++) {
			coordinate[inner] = known(inner) ? -1 : unknowns++;
		}
		int[] remaining = new int[unknowns];
		IntList basisCells = new IntList();
		for (int cell = 0; cell < t.cellCount; cell++) {
			if (t.innerOf[cell] < 0 && t.published[cell] && this.status[cell] == SuppressionTable.OK) {
				boolean touchesUnknown = false;
				for (int s = t.supportStart[cell]; s < t.supportStart[cell + 1]; s++) {
					int c = coordinate[t.support[s]];
					if (c >= 0) {
						remaining[c]++;
						touchesUnknown = true;
					}
				}
				if (touchesUnknown) {
					basisCells.add(cell);
				}
			}
		}
		long[] order = new long[basisCells.size()];
		for (int i = 0; i < order.length; i++) {
			int cell = basisCells.get(i);
			order[i] = ((long) t.supportSize(cell) << 32) | cell;
		}
		Arrays.sort(order);
		ModularBasis basis = new ModularBasis(unknowns, remaining);
		for (long entry : order) {
			int cell = (int) entry;
			this.vector = restrict(cell, coordinate, this.vector);
			int length = this.restrictedLength;
			boolean inSpan = basis.reduce(this.vector, length);
			basis.consumed(this.vector, length);
			if (!inSpan) {
				basis.addResidual(cell);
			}
		}
		return new Span(coordinate, basis);
	}

	private double loss() {
		double all = 0;
		double secret = 0;
		for (int cell = 0; cell < this.table.cellCount; cell++) {
			if (this.table.published[cell]) {
				all += this.table.value[cell];
				secret += (this.status[cell] != SuppressionTable.OK) ? this.table.value[cell] : 0;
			}
		}
		return secret / all;
	}

	private void breakdown(String stage) {
		if (!Boolean.getBoolean("secrecy.trace")) {
			return;
		}
		SuppressionTable t = this.table;
		double all = 0;
		double[][] primary = new double[5][8];
		double[][] secondary = new double[5][8];
		int[][] secondaryCount = new int[5][8];
		for (int cell = 0; cell < t.cellCount; cell++) {
			if (!t.published[cell]) {
				continue;
			}
			all += t.value[cell];
			int k = t.sectorLevelName(cell).equals("total") ? 0 : 1 + t.sectorLevels.indexOf(t.sectorLevelName(cell));
			if (this.status[cell] == SuppressionTable.PRIMARY) {
				primary[t.level[cell]][k] += t.value[cell];
			}
			else if (this.status[cell] == SuppressionTable.SECONDARY) {
				secondary[t.level[cell]][k] += t.value[cell];
				secondaryCount[t.level[cell]][k]++;
			}
		}
		StringBuilder out = new StringBuilder(stage + ":");
		for (int l = 0; l < 5; l++) {
			for (int k = 0; k <= t.sectorLevels.size(); k++) {
				out.append(String.format(Locale.ROOT, " %s/%d p=%.2f%% s=%.2f%%(%d)", SuppressionTable.LEVELS[l], k,
						100 * primary[l][k] / all, 100 * secondary[l][k] / all, secondaryCount[l][k]));
			}
		}
		trace("%s", out);
	}

	private long count(byte wanted) {
		long count = 0;
		for (byte s : this.status) {
			count += (s == wanted) ? 1 : 0;
		}
		return count;
	}

	private static final Logger logger = LoggerFactory.getLogger(GaussianProtection.class);

	private static void trace(String format, Object... arguments) {
		if (Boolean.getBoolean("secrecy.trace")) {
			System.err.println(String.format(Locale.ROOT, format, arguments));
		}
		if (logger.isDebugEnabled()) {
			logger.debug(String.format(Locale.ROOT, format, arguments));
		}
	}

	/**
	 * What the relations and their combinations give away, until nothing changes: every
	 * secondary cell that the published cells determine protects nothing and is published
	 * again (the feasible values of every other cell stay the same); then, in every
	 * relation left with two unknown parts one of which rests on a single unit, a third
	 * cell is hidden and guarded (the rounds keep it undetermined, like a primary cell),
	 * so that the unit's owner cannot recover the other part.
	 */
	private void settle() {
		for (int pass = 1; pass <= this.table.cellCount + 1; pass++) {
			int republished = republishDetermined();
			int guards = guardSingletons();
			trace("settling pass %d: %d determined secondary cells published again, %d cells guarded", pass,
					republished, guards);
			if (guards == 0) {
				return;
			}
			this.roundBase = this.rounds;
			while (linearRound() > 0) {
				this.rounds++;
			}
		}
		throw new IllegalStateException(
				"secondary suppression of " + this.table.tableId + " " + this.table.period + ": settling did not end");
	}

	/**
	 * Primary cells whose feasible range does not reach ±interval get partners: the
	 * cheapest published cells of one of their relations worth at least interval × their
	 * value, guarded; then the rounds and the settling again, until every range is wide
	 * enough (or a bounded number of passes).
	 */
	private void protectIntervals() {
		IntList narrow = null;
		for (int pass = 1; pass <= INTERVAL_PASSES; pass++) {
			long start = System.nanoTime();
			IntervalGuard guard = new IntervalGuard(this.table, this.status, this.interval);
			narrow = guard.narrow(narrow);
			int guards = 0;
			for (int i = 0; i < narrow.size(); i++) {
				guards += guardBeside(narrow.get(i));
			}
			trace("interval pass %d: %d primary cells too narrow, %d cells guarded, %d programmes (%.1f s)", pass,
					narrow.size(), guards, guard.programmes(), (System.nanoTime() - start) / 1e9);
			if (guards == 0) {
				return;
			}
			this.roundBase = this.rounds;
			while (linearRound() > 0) {
				this.rounds++;
			}
			settle();
		}
	}

	private static final int INTERVAL_PASSES = Integer.getInteger("secrecy.intervalPasses", 20);

	/**
	 * Hides and guards the cheapest published cells of one relation of a cell worth at
	 * least interval × its value together.
	 */
	private int guardBeside(int cell) {
		SuppressionTable t = this.table;
		double needed = this.interval * Math.abs(t.value[cell]);
		IntList best = null;
		double bestCost = Double.POSITIVE_INFINITY;
		IntList candidates = new IntList();
		for (int r = t.memberStart[cell]; r < t.memberStart[cell + 1]; r++) {
			int relation = t.memberRelations[r];
			candidates.clear();
			for (int m = t.relationStart[relation]; m < t.relationStart[relation + 1]; m++) {
				int other = t.relationMembers[m];
				if (other != cell && t.published[other] && this.status[other] == SuppressionTable.OK) {
					candidates.add(other);
				}
			}
			IntList option = RelationRepair.cheapest(t, candidates, needed);
			double cost = 0;
			for (int i = 0; i < option.size(); i++) {
				cost += t.value[option.get(i)];
			}
			if (option.size() > 0 && cost < bestCost) {
				best = option;
				bestCost = cost;
			}
		}
		if (best == null) {
			return 0;
		}
		for (int i = 0; i < best.size(); i++) {
			this.status[best.get(i)] = SuppressionTable.SECONDARY;
			this.guarded[best.get(i)] = true;
		}
		return best.size();
	}

	/**
	 * Publishes again the unguarded secondary cells that the published cells determine.
	 */
	private int republishDetermined() {
		Span span = span();
		IntList determined = new IntList();
		for (int cell = 0; cell < this.table.cellCount; cell++) {
			if (this.status[cell] == SuppressionTable.SECONDARY && !this.guarded[cell]) {
				this.vector = restrict(cell, span.coordinate(), this.vector);
				if (span.basis().reduce(this.vector, this.restrictedLength)) {
					determined.add(cell);
				}
			}
		}
		for (int i = 0; i < determined.size(); i++) {
			this.status[determined.get(i)] = SuppressionTable.OK;
		}
		return determined.size();
	}

	/**
	 * Relations whose only unknown cells are two parts (not the total), one secret or
	 * primary, the other resting on a single unit: the cheapest published cells of the
	 * relation worth at least interval × the secret part are hidden and guarded.
	 */
	private int guardSingletons() {
		SuppressionTable t = this.table;
		boolean[] known = RelationRepair.known(t, this.status);
		int guards = 0;
		IntList candidates = new IntList();
		for (int relation = 0; relation < t.relationCount(); relation++) {
			int from = t.relationStart[relation];
			int to = t.relationStart[relation + 1];
			int first = -1;
			int second = -1;
			int count = 0;
			for (int m = from; m < to && count <= 2; m++) {
				int cell = t.relationMembers[m];
				if (!known[cell]) {
					count++;
					if (first < 0) {
						first = cell;
					}
					else {
						second = cell;
					}
				}
			}
			if (count != 2 || t.relationMembers[from] == first) {
				continue;
			}
			double needed = 0;
			if (t.units[first] == 1 && this.status[second] != SuppressionTable.OK) {
				needed = Math.max(needed, this.interval * Math.abs(t.value[second]));
			}
			else if (t.units[second] == 1 && this.status[first] != SuppressionTable.OK) {
				needed = Math.max(needed, this.interval * Math.abs(t.value[first]));
			}
			else {
				continue;
			}
			candidates.clear();
			for (int m = from; m < to; m++) {
				int cell = t.relationMembers[m];
				if (t.published[cell] && this.status[cell] == SuppressionTable.OK) {
					candidates.add(cell);
				}
			}
			IntList chosen = RelationRepair.cheapest(t, candidates, needed);
			for (int i = 0; i < chosen.size(); i++) {
				this.status[chosen.get(i)] = SuppressionTable.SECONDARY;
				this.guarded[chosen.get(i)] = true;
				known[chosen.get(i)] = false;
				guards++;
			}
		}
		return guards;
	}

	/** One round: the span, the recoverable primary cells, one suppression for each. */
	private int linearRound() {
		SuppressionTable t = this.table;
		long start = System.nanoTime();
		Span span = span();
		trace("round %d: span of %d vectors, %d non-zeros, in %.1f s", this.rounds, span.basis().size(),
				span.basis().nonZeros(), (System.nanoTime() - start) / 1e9);
		int[] coordinate = span.coordinate();
		ModularBasis basis = span.basis();
		int[] vector = this.vector;
		boolean[] chosenNow = new boolean[t.cellCount];
		long[] kappa = new long[t.innerCount];
		IntList touchedInner = new IntList();
		IntList origins = new IntList();
		IntList coefficients = new IntList();
		IntList candidates = new IntList();
		int added = 0;
		for (int cell = 0; cell < t.cellCount; cell++) {
			if (this.status[cell] != SuppressionTable.PRIMARY && !this.guarded[cell]) {
				continue;
			}
			vector = restrict(cell, coordinate, vector);
			if (!basis.reduce(vector, this.restrictedLength)) {
				continue;
			}
			origins.clear();
			coefficients.clear();
			basis.expandLast(origins, coefficients);
			candidates.clear();
			for (int i = 0; i < origins.size(); i++) {
				candidates.add(origins.get(i));
			}
			// the known inner cells left over: primary − Σ α·origin on the known
			// coordinates
			touchedInner.clear();
			addKnown(cell, 1, coordinate, kappa, touchedInner);
			for (int i = 0; i < origins.size(); i++) {
				addKnown(origins.get(i), ModularBasis.PRIME - coefficients.get(i), coordinate, kappa, touchedInner);
			}
			for (int i = 0; i < touchedInner.size(); i++) {
				int inner = touchedInner.get(i);
				if (kappa[inner] != 0) {
					candidates.add(t.innerCell[inner]);
					kappa[inner] = 0;
				}
			}
			boolean covered = false;
			for (int i = 0; i < candidates.size(); i++) {
				covered |= chosenNow[candidates.get(i)];
			}
			if (this.rounds - this.roundBase >= LAST_RESORT_ROUNDS) {
				// one of these cells must go: all go, the pruning gives back those not
				// needed
				for (int i = 0; i < candidates.size(); i++) {
					int c = candidates.get(i);
					if (this.status[c] == SuppressionTable.OK) {
						this.status[c] = SuppressionTable.SECONDARY;
						chosenNow[c] = true;
						added++;
					}
				}
				continue;
			}
			int chosen = covered ? -1 : choose(cell, candidates);
			if (chosen >= 0) {
				this.status[chosen] = SuppressionTable.SECONDARY;
				chosenNow[chosen] = true;
				added++;
				if (this.rounds - this.roundBase >= CHOOSING_ROUNDS) {
					added += hideSmallCandidates(candidates, TAIL_FACTOR * this.table.value[chosen], chosenNow);
				}
			}
		}
		trace("round %d: %d suppressed, in %.1f s", this.rounds, added, (System.nanoTime() - start) / 1e9);
		if (Boolean.getBoolean("secrecy.trace")) {
			trace("round %d: loss %.4f", this.rounds, loss());
		}
		return added;
	}

	private int hideSmallCandidates(IntList candidates, double limit, boolean[] chosenNow) {
		int added = 0;
		for (int i = 0; i < candidates.size(); i++) {
			int c = candidates.get(i);
			if (this.table.published[c] && this.status[c] == SuppressionTable.OK && this.table.value[c] <= limit) {
				this.status[c] = SuppressionTable.SECONDARY;
				chosenNow[c] = true;
				added++;
			}
		}
		return added;
	}

	/**
	 * Gives back what the rounds took needlessly: the secondary cells, largest first, are
	 * published again when that leaves every primary cell outside the span (Langsrud's
	 * greedy criterion, run on the secondary cells only). With the span's pivots fixed,
	 * every vector has one residual; a primary cell enters the span when a vector is
	 * added exactly when its residual is a multiple of that vector's residual.
	 */
	private void prune() {
		SuppressionTable t = this.table;
		Span span = span();
		int[] coordinate = span.coordinate();
		ModularBasis basis = span.basis();
		int dimension = 0;
		for (int c : coordinate) {
			dimension += (c >= 0) ? 1 : 0;
		}
		IntList primaries = new IntList();
		for (int cell = 0; cell < t.cellCount; cell++) {
			if (this.status[cell] == SuppressionTable.PRIMARY) {
				primaries.add(cell);
			}
		}
		int[][] residualCoordinates = new int[primaries.size()][];
		int[][] residualValues = new int[primaries.size()][];
		int[] head = new int[dimension];
		Arrays.fill(head, -1);
		IntList entryPrimary = new IntList();
		IntList entryNext = new IntList();
		IntList coordinates = new IntList();
		IntList values = new IntList();
		long residualSize = 0;
		for (int i = 0; i < primaries.size(); i++) {
			this.vector = restrict(primaries.get(i), coordinate, this.vector);
			if (basis.reduce(this.vector, this.restrictedLength)) {
				return;
			}
			basis.lastResidual(coordinates, values);
			residualSize += coordinates.size();
			if (residualSize > PRUNING_BUDGET) {
				// too large to keep every residual in memory: the rounds' result stands
				trace("pruning skipped: the primary residuals exceed %d coordinates", PRUNING_BUDGET);
				return;
			}
			residualCoordinates[i] = coordinates.toArray();
			residualValues[i] = values.toArray();
			for (int c : residualCoordinates[i]) {
				head[c] = link(entryPrimary, entryNext, head[c], i);
			}
		}
		trace("pruning: %d primary residual coordinates", residualSize);
		long[] scratch = new long[dimension];
		IntList secondaries = new IntList();
		for (int cell = 0; cell < t.cellCount; cell++) {
			if (this.status[cell] == SuppressionTable.SECONDARY) {
				secondaries.add(cell);
			}
		}
		int[] order = secondaries.toArray();
		Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
		Arrays.sort(boxed,
				(a, b) -> (t.value[a] != t.value[b]) ? Double.compare(t.value[b], t.value[a]) : Integer.compare(a, b));
		for (int cell : boxed) {
			if (residualSize > PRUNING_BUDGET || entryPrimary.size() > 2 * PRUNING_BUDGET) {
				// the residuals outgrew the memory kept for them: what was given back
				// stays
				// given back (each step was checked), the rest stays secret
				trace("pruning stopped: the primary residuals exceed %d coordinates", PRUNING_BUDGET);
				return;
			}
			this.vector = restrict(cell, coordinate, this.vector);
			if (basis.reduce(this.vector, this.restrictedLength)) {
				this.status[cell] = SuppressionTable.OK;
				continue;
			}
			basis.lastResidual(coordinates, values);
			long inverse = ModularBasis.power(values.get(0), ModularBasis.PRIME - 2);
			for (int i = 0; i < coordinates.size(); i++) {
				scratch[coordinates.get(i)] = values.get(i) * inverse % ModularBasis.PRIME;
			}
			boolean reveals = false;
			for (int e = head[coordinates.get(0)]; e >= 0 && !reveals; e = entryNext.get(e)) {
				int p = entryPrimary.get(e);
				reveals = parallel(residualCoordinates[p], residualValues[p], coordinates.get(0), coordinates.size(),
						scratch);
			}
			for (int i = 0; i < coordinates.size(); i++) {
				scratch[coordinates.get(i)] = 0;
			}
			if (reveals) {
				continue;
			}
			this.status[cell] = SuppressionTable.OK;
			int k = basis.addResidual(cell);
			int pivot = basis.pivot(k);
			int[] bc = basis.coordinates(k);
			int[] bv = basis.values(k);
			for (int e = head[pivot]; e >= 0; e = entryNext.get(e)) {
				int p = entryPrimary.get(e);
				long factor = valueAt(residualCoordinates[p], residualValues[p], pivot);
				if (factor == 0) {
					continue;
				}
				for (int i = 0; i < residualCoordinates[p].length; i++) {
					scratch[residualCoordinates[p][i]] = residualValues[p][i];
				}
				coordinates.clear();
				for (int c : residualCoordinates[p]) {
					coordinates.add(c);
				}
				for (int i = 0; i < bc.length; i++) {
					int c = bc[i];
					if (scratch[c] == 0) {
						coordinates.add(c);
						head[c] = link(entryPrimary, entryNext, head[c], p);
					}
					long updated = (scratch[c] - factor * bv[i]) % ModularBasis.PRIME;
					scratch[c] = (updated < 0) ? updated + ModularBasis.PRIME : updated;
				}
				values.clear();
				IntList kept = new IntList();
				for (int i = 0; i < coordinates.size(); i++) {
					int c = coordinates.get(i);
					if (scratch[c] != 0) {
						kept.add(c);
						values.add((int) scratch[c]);
					}
					scratch[c] = 0;
				}
				residualSize += kept.size() - residualCoordinates[p].length;
				residualCoordinates[p] = kept.toArray();
				residualValues[p] = values.toArray();
			}
		}
	}

	private static int link(IntList entryPrimary, IntList entryNext, int head, int primary) {
		entryPrimary.add(primary);
		entryNext.add(head);
		return entryPrimary.size() - 1;
	}

	private static long valueAt(int[] coordinates, int[] values, int coordinate) {
		for (int i = 0; i < coordinates.length; i++) {
			if (coordinates[i] == coordinate) {
				return values[i];
			}
		}
		return 0;
	}

	/** Whether a residual is a multiple of the normalised residual held in scratch. */
	private static boolean parallel(int[] coordinates, int[] values, int first, int length, long[] scratch) {
		if (coordinates.length != length) {
			return false;
		}
		long factor = valueAt(coordinates, values, first);
		if (factor == 0) {
			return false;
		}
		for (int i = 0; i < coordinates.length; i++) {
			if (scratch[coordinates[i]] * factor % ModularBasis.PRIME != values[i]) {
				return false;
			}
		}
		return true;
	}

	private void addKnown(int cell, long coefficient, int[] coordinate, long[] kappa, IntList touchedInner) {
		SuppressionTable t = this.table;
		for (int s = t.supportStart[cell]; s < t.supportStart[cell + 1]; s++) {
			int inner = t.support[s];
			if (coordinate[inner] < 0) {
				if (kappa[inner] == 0) {
					touchedInner.add(inner);
				}
				kappa[inner] = (kappa[inner] + coefficient) % ModularBasis.PRIME;
			}
		}
	}

	/**
	 * The cell to suppress among those that make a primary cell recoverable: the smallest
	 * at least interval × the primary's value, else the largest; ties to the first cell.
	 */
	private int choose(int primary, IntList candidates) {
		double threshold = this.interval * this.table.value[primary];
		int best = -1;
		boolean bestLarge = false;
		for (int i = 0; i < candidates.size(); i++) {
			int c = candidates.get(i);
			if (!this.table.published[c] || this.status[c] != SuppressionTable.OK) {
				continue;
			}
			double v = this.table.value[c];
			boolean large = v >= threshold;
			if (best < 0) {
				best = c;
				bestLarge = large;
				continue;
			}
			double b = this.table.value[best];
			boolean better;
			if (large != bestLarge) {
				better = large;
			}
			else if (large) {
				better = v < b || (v == b && c < best);
			}
			else {
				better = v > b || (v == b && c < best);
			}
			if (better) {
				best = c;
				bestLarge = large;
			}
		}
		return best;
	}

	private int restrictedLength;

	private int[] vector = new int[64];

	private int[] restrict(int cell, int[] coordinate, int[] vector) {
		SuppressionTable t = this.table;
		int[] out = vector;
		int length = 0;
		for (int s = t.supportStart[cell]; s < t.supportStart[cell + 1]; s++) {
			int c = coordinate[t.support[s]];
			if (c >= 0) {
				if (length == out.length) {
					out = Arrays.copyOf(out, length * 2);
				}
				out[length++] = c;
			}
		}
		this.restrictedLength = length;
		return out;
	}

}
