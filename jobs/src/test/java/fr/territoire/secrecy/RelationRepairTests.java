package fr.territoire.secrecy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner the relation repair gives an exposed cell: the cheapest published cells of
 * the relation worth at least the protection interval together, never "the largest" by
 * default.
 */
class RelationRepairTests {

	/**
	 * Five communes of one département, no sector: a = 1, b = 2, c = 3, d = 50, e = 6.
	 */
	private static SuppressionFixture fiveCommunes() {
		SuppressionFixture fixture = new SuppressionFixture();
		String[] codes = { "a", "b", "c", "d", "e" };
		double[] values = { 1, 2, 3, 50, 6 };
		for (int i = 0; i < codes.length; i++) {
			fixture.commune(codes[i], null, "D1", "R1").inner(codes[i], values[i], 5);
		}
		return fixture;
	}

	@Test
	void severalSmallCellsAreChosenWhenTogetherTheyCostLessThanOneLargeEnough() throws SQLException {
		try (Connection connection = fiveCommunes().load()) {
			SuppressionTable table = SuppressionTable.read(connection, SuppressionFixture.TABLE,
					SuppressionFixture.PERIOD);
			// 1 + 2 + 3 = 6 ≥ 5 costs less than d = 50
			assertThat(names(table, RelationRepair.cheapest(table, cells(table, "a", "b", "c", "d"), 5)))
				.containsExactly("a", "b", "c");
			// e = 6 alone costs less than 1 + 2 + 6 = 9
			assertThat(names(table, RelationRepair.cheapest(table, cells(table, "a", "b", "e", "d"), 5)))
				.containsExactly("e");
			// nothing reaches 5 alone or together but all of them: all of them
			assertThat(names(table, RelationRepair.cheapest(table, cells(table, "b", "a"), 5))).containsExactly("a",
					"b");
		}
	}

	/**
	 * c alone is secret (secondary) among the five parts of the département, which is
	 * published: the relation gives c away, so hiding it protects nothing and it is
	 * published again; nothing else is hidden.
	 */
	@Test
	void aSecondaryCellItsRelationGivesAwayIsPublishedAgain() throws SQLException {
		try (Connection connection = fiveCommunes().load()) {
			SuppressionTable table = SuppressionTable.read(connection, SuppressionFixture.TABLE,
					SuppressionFixture.PERIOD);
			byte[] status = new byte[table.cellCount];
			status[cells(table, "c").get(0)] = SuppressionTable.SECONDARY;
			RelationRepair.apply(table, status, 0.10);
			assertThat(status).containsOnly(SuppressionTable.OK);
		}
	}

	/**
	 * d = 50 alone is secret (primary): the département gives it away. With an interval
	 * of 20 % it needs partners worth 10: no single cell is (e = 6 is the largest), so
	 * the four small ones go together (1 + 2 + 3 + 6 = 12), not "the largest" alone; then
	 * the relation has five unknown parts of 5 units each: nothing more.
	 */
	@Test
	void aPrimaryCellItsRelationGivesAwayGetsSmallPartnersWorthTheIntervalTogether() throws SQLException {
		try (Connection connection = fiveCommunes().load()) {
			SuppressionTable table = SuppressionTable.read(connection, SuppressionFixture.TABLE,
					SuppressionFixture.PERIOD);
			byte[] status = new byte[table.cellCount];
			int d = cells(table, "d").get(0);
			status[d] = SuppressionTable.PRIMARY;
			RelationRepair.apply(table, status, 0.20);
			List<String> secondary = new ArrayList<>();
			for (int cell = 0; cell < table.cellCount; cell++) {
				if (status[cell] == SuppressionTable.SECONDARY) {
					secondary.add(table.territoryCodes.get(table.territory[cell]));
				}
			}
			assertThat(secondary).containsExactlyInAnyOrder("a", "b", "c", "e");
			assertThat(status[d]).isEqualTo(SuppressionTable.PRIMARY);
		}
	}

	private static IntList cells(SuppressionTable table, String... communes) {
		IntList cells = new IntList();
		for (String commune : communes) {
			for (int cell = 0; cell < table.cellCount; cell++) {
				if (table.describe(cell).equals("commune " + commune + " × total _T")) {
					cells.add(cell);
				}
			}
		}
		assertThat(cells.size()).isEqualTo(communes.length);
		return cells;
	}

	private static List<String> names(SuppressionTable table, IntList cells) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			names.add(table.territoryCodes.get(table.territory[cells.get(i)]));
		}
		return names;
	}

}
