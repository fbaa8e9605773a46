package fr.territoire.disclosure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of one protected table and period, from its own true table ({@link Cells})
 * and what the public layer publishes: published values, primary rule, relations,
 * recomputable cells, singletons, protection intervals.
 */
final class TableAudit {

	private static final Logger logger = LoggerFactory.getLogger(TableAudit.class);

	static final byte UNPUBLISHED = 0;

	static final byte PUBLISHED = 1;

	static final byte SECRET_PRIMARY = 2;

	static final byte SECRET_SECONDARY = 3;

	private static final String[] STATUS = { "unpublished", "ok", "secret_primary", "secret_secondary" };

	/** The neighbourhoods tried, in unknowns, before a cell is declared not proven. */
	private static final int[] NEIGHBOURHOODS = caps("disclosure.caps", "24,96,384,4096");

	/** The neighbourhoods of the interval's linear programmes, in unknowns. */
	private static final int[] LP_NEIGHBOURHOODS = caps("disclosure.lpCaps", "12,48,160,640");

	private static int[] caps(String property, String fallback) {
		return java.util.Arrays.stream(System.getProperty(property, fallback).split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
	}

	/**
	 * Failures after which a table stops being searched: the audit has failed already,
	 * and the expensive searches of a leaking pattern would only lengthen the run.
	 */
	static final int ENOUGH_FAILURES = 1000;

	/** Candidates tried on each side of a rectangle. */
	private static final int RECTANGLE_CANDIDATES = 24;

	private final Cells cells;

	private final int period;

	private final double interval;

	private final byte[] status;

	private final boolean[] unknown;

	private final boolean[] checked;

	private final boolean[] proven;

	private final boolean[] failed;

	private final List<Failure> failures = new ArrayList<>();

	private Relations relations;

	private long determined;

	private long intervalChecked;

	private long intervalFailed;

	private long singletonFailed;

	private boolean complete = true;

	TableAudit(Cells cells, int period, double interval) {
		this.cells = cells;
		this.period = period;
		this.interval = interval;
		int n = cells.size;
		this.status = new byte[n];
		this.unknown = new boolean[n];
		this.checked = new boolean[n];
		this.proven = new boolean[n];
		this.failed = new boolean[n];
		this.relations = new Relations(cells, this.unknown);
	}

	TableResult run(Connection connection, String publishedSql, long started) {
		readPublished(connection, publishedSql);
		int n = this.cells.size;
		long published = 0;
		long secret = 0;
		long unpublishedPrimary = 0;
		for (int cell = 0; cell < n; cell++) {
			switch (this.status[cell]) {
				case PUBLISHED -> {
					published++;
					if (this.cells.primary(cell)) {
						fail(cell, "published although the primary rule makes it secret");
					}
				}
				case SECRET_PRIMARY, SECRET_SECONDARY -> {
					secret++;
					this.unknown[cell] = true;
					this.checked[cell] = true;
				}
				default -> {
					this.unknown[cell] = true;
					if (this.cells.primary(cell)) {
						unpublishedPrimary++;
						this.checked[cell] = true;
					}
				}
			}
		}
		long phase = System.nanoTime();
		this.relations = new Relations(this.cells, this.unknown);
		this.relations.build();
		long built = System.nanoTime();
		propagate();
		singletons();
		long propagated = System.nanoTime();
		determination();
		long determinedAt = System.nanoTime();
		if (this.cells.table.business()) {
			intervals();
		}
		logger.info(
				"{} {}: read {} ms, {} relations built in {} ms, propagation {} ms, determination {} ms, "
						+ "intervals {} ms",
				this.cells.table.tableId(), this.period, (phase - started) / 1_000_000, this.relations.size,
				(built - phase) / 1_000_000, (propagated - built) / 1_000_000, (determinedAt - propagated) / 1_000_000,
				(System.nanoTime() - determinedAt) / 1_000_000);
		double seconds = (System.nanoTime() - started) / 1e9;
		return new TableResult(this.cells.table.tableId(), this.period, n, published, secret, unpublishedPrimary,
				this.determined, this.intervalChecked, this.intervalFailed, this.singletonFailed, seconds,
				this.complete, this.failures);
	}

	// ---------------------------------------------------------------- published values

	private void readPublished(Connection connection, String sql) {
		ProtectedTable table = this.cells.table;
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table.tableId());
			statement.setInt(2, this.period);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					published(rows);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"cannot read the published rows of " + table.tableId() + ": " + ex.getMessage(), ex);
		}
	}

	private void published(ResultSet row) throws SQLException {
		String indicator = row.getString(1);
		String levelName = row.getString(2);
		String territoryCode = row.getString(3);
		String sectorLevel = row.getString(4);
		String sectorCode = row.getString(5);
		String rowStatus = String.valueOf(row.getString(6));
		Double numerator = nullable(row, 7);
		Double denominator = nullable(row, 8);
		Double value = nullable(row, 9);
		String where = "level " + levelName + ", territory " + territoryCode + ", sector level " + sectorLevel
				+ ", sector code " + sectorCode;
		int level = Arrays.asList(Territories.LEVELS).indexOf(levelName);
		int depth = (sectorLevel == null) ? -1 : this.cells.table.depth(sectorLevel);
		if (level < 0 || depth < 0 || territoryCode == null || sectorCode == null) {
			this.failures.add(new Failure(this.cells.table.tableId(), this.period, where, rowStatus,
					"indicator " + indicator + " publishes a level or sector level the table does not have"));
			return;
		}
		int territory = this.cells.territories.find(level, territoryCode);
		int cell = this.cells.cell(territory, this.cells.findSector(depth, sectorCode));
		boolean secret = rowStatus.equals("secret_primary") || rowStatus.equals("secret_secondary");
		if (secret) {
			if (numerator != null || denominator != null || value != null) {
				this.failures.add(new Failure(this.cells.table.tableId(), this.period, where, rowStatus,
						"the secret row of indicator " + indicator + " carries a numerator, denominator or value"));
			}
			if (cell >= 0) {
				if (this.status[cell] == PUBLISHED) {
					fail(cell, "secret in indicator " + indicator + " but published by another indicator");
				}
				else if (this.status[cell] != SECRET_PRIMARY) {
					this.status[cell] = rowStatus.equals("secret_primary") ? SECRET_PRIMARY : SECRET_SECONDARY;
				}
			}
			return;
		}
		if (numerator == null) {
			return;
		}
		double truth = (cell >= 0) ? this.cells.value[cell] : 0;
		if (!sameValue(numerator, truth)) {
			this.failures.add(new Failure(this.cells.table.tableId(), this.period, where, rowStatus,
					"indicator " + indicator + " publishes a numerator that differs from the contributions"));
		}
		if (cell >= 0) {
			if (this.status[cell] == SECRET_PRIMARY || this.status[cell] == SECRET_SECONDARY) {
				fail(cell, "published by indicator " + indicator + " but secret in another indicator");
			}
			else {
				this.status[cell] = PUBLISHED;
			}
		}
	}

	private static Double nullable(ResultSet row, int column) throws SQLException {
		double value = row.getDouble(column);
		return row.wasNull() ? null : value;
	}

	static boolean sameValue(double published, double truth) {
		return Math.abs(published - truth) <= 1e-6 * Math.max(Math.abs(published), Math.abs(truth));
	}

	// ---------------------------------------------------------------- failures

	private void fail(int cell, String reason) {
		if (!this.failed[cell]) {
			this.failed[cell] = true;
			this.failures.add(new Failure(this.cells.table.tableId(), this.period, this.cells.describe(cell),
					STATUS[this.status[cell]], reason));
		}
	}

	// ---------------------------------------------------------------- relations with one
	// unknown

	/**
	 * A relation with a single unknown cell gives it away: that cell is determined,
	 * becomes known, and may leave another relation with a single unknown.
	 */
	private void propagate() {
		Relations r = this.relations;
		int[] queue = new int[Math.max(16, r.size)];
		int head = 0;
		int tail = 0;
		for (int relation = 0; relation < r.size; relation++) {
			if (r.unknownCount[relation] == 1) {
				queue[tail++] = relation;
			}
		}
		while (head < tail) {
			int relation = queue[head++];
			if (r.unknownCount[relation] != 1) {
				continue;
			}
			int single = -1;
			for (int member : r.members[relation]) {
				if (this.unknown[member]) {
					single = member;
				}
			}
			if (single < 0) {
				continue;
			}
			this.unknown[single] = false;
			if (this.checked[single]) {
				this.determined++;
				fail(single,
						"recomputable from the published values of one relation: " + r.describe(relation, this.cells));
			}
			for (int other : r.relationsOf(single)) {
				r.unknownCount[other]--;
				if (r.unknownCount[other] == 1) {
					if (tail == queue.length) {
						queue = Arrays.copyOf(queue, queue.length * 2);
					}
					queue[tail++] = other;
				}
			}
		}
	}

	// ---------------------------------------------------------------- singletons

	/**
	 * A relation with two unknown sibling cells, one of which rests on a single unit:
	 * that unit knows its own cell, hence the other one. Relation-local: a unit combining
	 * several relations, or several units colluding, are not considered.
	 */
	private void singletons() {
		Relations r = this.relations;
		for (int relation = 0; relation < r.size; relation++) {
			if (r.unknownCount[relation] != 2) {
				continue;
			}
			int first = -1;
			int second = -1;
			for (int member : r.members[relation]) {
				if (this.unknown[member]) {
					if (first < 0) {
						first = member;
					}
					else {
						second = member;
					}
				}
			}
			// siblings only: a parent and its child differ by published cells alone, so
			// the
			// owner of one learns nothing of other units from the other
			boolean parentUnknown = r.hasParent[relation] && this.unknown[r.members[relation][0]];
			if (!parentUnknown) {
				singleton(first, second, relation);
				singleton(second, first, relation);
			}
		}
	}

	private void singleton(int single, int other, int relation) {
		if (this.cells.units[single] == 1 && this.checked[other] && !this.failed[other]) {
			this.singletonFailed++;
			fail(other, "recoverable by the single unit of the sibling cell " + this.cells.describe(single)
					+ " through " + this.relations.describe(relation, this.cells));
		}
	}

	// ---------------------------------------------------------------- determination

	/**
	 * Proves, for every checked cell, that some vector of the null space of the relations
	 * restricted to the unknown cells moves it: then published values cannot determine
	 * it. First an exact rectangle (four inner cells whose ±t perturbation leaves every
	 * margin unchanged), else Gaussian elimination modulo a prime on a growing
	 * neighbourhood whose outer unknowns are held fixed (a null vector of the
	 * neighbourhood, extended by zeros, is one of the whole system).
	 */
	private void determination() {
		Neighbourhood neighbourhood = new Neighbourhood(this.cells, this.relations, this.unknown);
		long rectangles = 0;
		long eliminations = 0;
		long[] atCap = new long[NEIGHBOURHOODS.length];
		long[] nanosAtCap = new long[NEIGHBOURHOODS.length];
		for (int cell = 0; cell < this.cells.size; cell++) {
			if (!this.checked[cell] || this.failed[cell] || this.proven[cell] || !this.unknown[cell]) {
				continue;
			}
			if (this.failures.size() >= ENOUGH_FAILURES) {
				this.complete = false;
				break;
			}
			int[] rectangle = firstRectangle(cell);
			if (rectangle == null) {
				rectangle = firstColumnPair(cell);
			}
			if (rectangle != null) {
				rectangles++;
				for (int corner : rectangle) {
					this.proven[corner] = true;
				}
				continue;
			}
			boolean done = false;
			for (int capIndex = 0; capIndex < NEIGHBOURHOODS.length; capIndex++) {
				int cap = NEIGHBOURHOODS[capIndex];
				eliminations++;
				long began = System.nanoTime();
				neighbourhood.collect(cell, cap);
				long[] kernel = neighbourhood.randomKernelVector();
				atCap[capIndex]++;
				nanosAtCap[capIndex] += System.nanoTime() - began;
				if (kernel[0] != 0) {
					int[] members = neighbourhood.members();
					for (int i = 0; i < members.length; i++) {
						if (kernel[i] != 0) {
							this.proven[members[i]] = true;
						}
					}
					done = true;
					break;
				}
				if (neighbourhood.closed()) {
					this.determined++;
					fail(cell, "recomputable from the published values: a combination of the relations of its "
							+ neighbourhood.members().length + " unknown cells gives it");
					done = true;
					break;
				}
			}
			if (!done) {
				this.determined++;
				fail(cell, "not proven protected: no null vector moves it within "
						+ NEIGHBOURHOODS[NEIGHBOURHOODS.length - 1] + " unknown cells around it");
			}
		}
		logger.info("{} {}: {} rectangles, {} eliminations, by neighbourhood {} in ms {}", this.cells.table.tableId(),
				this.period, rectangles, eliminations, Arrays.toString(atCap),
				Arrays.toString(Arrays.stream(nanosAtCap).map((nanos) -> nanos / 1_000_000).toArray()));
	}

	/**
	 * The rectangles around an inner cell x = (c, d): another commune c' with the same
	 * EPCI and département, another finest code d' with the same parent, and the cells
	 * (c, d'), (c', d), (c', d') all unknown. Each as {c'd, cd', c'd'}.
	 */
	private List<int[]> rectangles(int cell, boolean disjoint) {
		Cells c = this.cells;
		List<int[]> found = new ArrayList<>();
		int depth = c.depth(cell);
		int t = c.territory[cell];
		if (depth == 0 || depth != c.maxDepth() || c.territories.level(t) != Territories.COMMUNE) {
			return found;
		}
		int s = c.sector[cell];
		int epci = c.territories.epci(t);
		int departement = c.territories.departement(t);
		if (departement < 0 || c.sectorParent[s] < 0) {
			return found;
		}
		int[] communes = c.territories.children((epci >= 0) ? epci : departement);
		int[] codes = c.sectorChildren[c.sectorParent[s]];
		List<Integer> otherCommunes = new ArrayList<>();
		for (int other : communes) {
			if (other != t && c.territories.epci(other) == epci && c.territories.departement(other) == departement) {
				int otherCell = c.cell(other, s);
				if (otherCell >= 0 && this.unknown[otherCell]) {
					otherCommunes.add(other);
					if (otherCommunes.size() >= RECTANGLE_CANDIDATES) {
						break;
					}
				}
			}
		}
		List<Integer> otherCodes = new ArrayList<>();
		for (int other : codes) {
			if (other != s) {
				int otherCell = c.cell(t, other);
				if (otherCell >= 0 && this.unknown[otherCell]) {
					otherCodes.add(other);
					if (otherCodes.size() >= RECTANGLE_CANDIDATES) {
						break;
					}
				}
			}
		}
		Set<Integer> usedCommunes = new java.util.HashSet<>();
		Set<Integer> usedCodes = new java.util.HashSet<>();
		for (int otherCommune : otherCommunes) {
			for (int otherCode : otherCodes) {
				if (disjoint && (usedCommunes.contains(otherCommune) || usedCodes.contains(otherCode))) {
					continue;
				}
				int opposite = c.cell(otherCommune, otherCode);
				if (opposite >= 0 && this.unknown[opposite]) {
					found.add(new int[] { c.cell(otherCommune, s), c.cell(t, otherCode), opposite });
					if (!disjoint) {
						return found;
					}
					usedCommunes.add(otherCommune);
					usedCodes.add(otherCode);
				}
			}
		}
		return found;
	}

	/**
	 * For a commune cell x = (c, S) at any sector depth: another commune c′ of the same
	 * EPCI and département and a finest code d under S such that (c, a) and (c′, a) are
	 * unknown for every a on the path from the total down to d. Moving c by +t and c′ by
	 * −t along that path leaves every relation unchanged: an exact integer null vector.
	 * @return the cells it moves, or null
	 */
	private int[] firstColumnPair(int cell) {
		Cells c = this.cells;
		int t = c.territory[cell];
		if (c.territories.level(t) != Territories.COMMUNE) {
			return null;
		}
		int epci = c.territories.epci(t);
		int departement = c.territories.departement(t);
		if (departement < 0) {
			return null;
		}
		// a finest code d under S with (c, ·) unknown all the way down
		int d = c.sector[cell];
		while (c.sectorChildren[d].length > 0) {
			int next = -1;
			for (int child : c.sectorChildren[d]) {
				int childCell = c.cell(t, child);
				if (childCell >= 0 && this.unknown[childCell]) {
					next = child;
					break;
				}
			}
			if (next < 0) {
				return null;
			}
			d = next;
		}
		List<Integer> path = new ArrayList<>();
		for (int a = d; a >= 0; a = c.sectorParent[a]) {
			path.add(a);
		}
		for (int a : path) {
			int mine = c.cell(t, a);
			if (mine < 0 || !this.unknown[mine]) {
				return null;
			}
		}
		int tried = 0;
		for (int other : c.territories.children((epci >= 0) ? epci : departement)) {
			if (other == t || c.territories.epci(other) != epci || c.territories.departement(other) != departement) {
				continue;
			}
			if (++tried > RECTANGLE_CANDIDATES * 4) {
				return null;
			}
			int[] moved = new int[path.size() * 2];
			boolean all = true;
			for (int i = 0; i < path.size() && all; i++) {
				moved[2 * i] = c.cell(t, path.get(i));
				moved[2 * i + 1] = c.cell(other, path.get(i));
				all = moved[2 * i + 1] >= 0 && this.unknown[moved[2 * i + 1]];
			}
			if (all) {
				return moved;
			}
		}
		return null;
	}

	private int[] firstRectangle(int cell) {
		List<int[]> found = rectangles(cell, false);
		if (found.isEmpty()) {
			return null;
		}
		int[] corners = found.get(0);
		return new int[] { cell, corners[0], corners[1], corners[2] };
	}

	// ---------------------------------------------------------------- intervals

	/**
	 * For every primary cell still standing, its feasible range given every published
	 * value and x ≥ 0 must reach [(1 − interval)·v, (1 + interval)·v]: first from
	 * disjoint rectangles (exact), else from linear programmes on a neighbourhood whose
	 * outer unknowns are held at their true values (any solution is globally feasible, so
	 * the true range is at least as wide).
	 */
	private void intervals() {
		IntervalProgramme programme = new IntervalProgramme(this.cells, this.relations, this.unknown);
		for (int cell = 0; cell < this.cells.size; cell++) {
			if (!this.checked[cell] || this.failed[cell] || !this.unknown[cell] || !this.cells.primary(cell)) {
				continue;
			}
			if (this.failures.size() >= ENOUGH_FAILURES) {
				this.complete = false;
				break;
			}
			this.intervalChecked++;
			double v = this.cells.value[cell];
			double need = this.interval * Math.abs(v);
			if (need == 0) {
				continue;
			}
			double up = 0;
			double down = 0;
			for (int[] rectangle : rectangles(cell, true)) {
				// x + t needs (c'd) and (cd') to give t; x − t needs (c'd') to give t
				up += Math.min(this.cells.value[rectangle[0]], this.cells.value[rectangle[1]]);
				down += this.cells.value[rectangle[2]];
			}
			down = Math.min(down, v);
			if (up >= need && down >= need) {
				continue;
			}
			boolean reached = false;
			for (int cap : LP_NEIGHBOURHOODS) {
				double[] range = programme.range(cell, cap);
				if (range[1] >= v + need * (1 - 1e-9) && range[0] <= v - need * (1 - 1e-9)) {
					reached = true;
					break;
				}
			}
			if (!reached) {
				this.intervalFailed++;
				fail(cell, "its feasible range given the published values does not reach ±"
						+ Math.round(this.interval * 100) + " % of its value");
			}
		}
	}

}
