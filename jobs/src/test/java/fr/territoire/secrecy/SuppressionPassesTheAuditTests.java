package fr.territoire.secrecy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

import fr.territoire.disclosure.DisclosureAudit;
import fr.territoire.disclosure.DisclosureReport;
import fr.territoire.disclosure.TableResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ours, then the independent audit (fr.territoire.disclosure, which shares no code with
 * the suppression), on a generated table shaped like the samples' employees table: two
 * départements of one région, three EPCIs (one across both départements), twelve
 * communes, three sections of three divisions, most cells on few units. Before the
 * settling and the interval guard the audit found on such a table secondary cells that
 * combinations of relations determine, two secret parts of a relation one of which rests
 * on a single unit, and primary cells whose feasible range does not reach ±10 %.
 */
class SuppressionPassesTheAuditTests {

	private static final Path PROJECT = Path.of(System.getProperty("territoire.project-dir", ".."));

	@Test
	void theAuditFindsNoDeterminedCellNoSingletonAndNoNarrowIntervalOnOurs() throws SQLException {
		for (long seed = 1; seed <= 4; seed++) {
			try (Connection connection = table(seed).load()) {
				SecondarySuppression.protect(connection, SuppressionFixture.TABLE, SuppressionFixture.PERIOD,
						SuppressionMethod.GAUSSIAN, 0.10);
				publicLayer(connection);
				DisclosureReport report = DisclosureAudit.run(connection, PROJECT, 0.10);
				TableResult result = report.tables().get(0);
				assertThat(result.determined()).as("seed %d: determined", seed).isZero();
				assertThat(result.singletonFailed()).as("seed %d: singletons", seed).isZero();
				assertThat(result.intervalFailed()).as("seed %d: intervals", seed).isZero();
				assertThat(result.intervalChecked()).as("seed %d: every primary cell checked", seed)
					.isEqualTo(SuppressionFixture.withStatus(connection, "secret_primary").size());
			}
		}
	}

	/**
	 * Each unit contributes 10 to 19, so that no cell of 3 units or more is dominated.
	 */
	private static SuppressionFixture table(long seed) {
		SuppressionFixture fixture = new SuppressionFixture("section", "division");
		String[][] communes = { { "E1", "D1" }, { "E1", "D1" }, { "E1", "D1" }, { "E1", "D1" }, { "E2", "D1" },
				{ "E2", "D1" }, { "E2", "D2" }, { "E2", "D2" }, { "E3", "D2" }, { "E3", "D2" }, { "E3", "D2" },
				{ "E3", "D2" } };
		for (int c = 0; c < communes.length; c++) {
			fixture.commune("C" + c, communes[c][0], communes[c][1], "R1");
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (int c = 0; c < communes.length; c++) {
			for (String section : new String[] { "A", "B", "C" }) {
				for (int d = 1; d <= 3; d++) {
					int draw = random.nextInt(10);
					if (draw < 3) {
						continue;
					}
					long units = (draw < 6) ? 1 : (draw < 8) ? 2 : 3 + random.nextInt(4);
					fixture.inner("C" + c, units * (10 + random.nextInt(10)), units, section, section + d);
				}
			}
		}
		return fixture;
	}

	/** The public layer the audit reads, as the indicators step would write it. */
	private static void publicLayer(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA public");
			statement
				.execute("CREATE TABLE mart.indicator (indicator_id VARCHAR, numerator VARCHAR, dimension VARCHAR)");
			statement.execute("INSERT INTO mart.indicator VALUES ('t', 't', 'none'), ('t_section', 't', 'section'), "
					+ "('t_division', 't', 'division')");
			statement.execute("CREATE TABLE public.indicator_value AS SELECT "
					+ "CASE sector_level WHEN 'total' THEN 't' ELSE 't_' || sector_level END AS indicator_id, level, "
					+ "territory_code, period, CASE sector_level WHEN 'total' THEN 'none' ELSE sector_level END "
					+ "AS dimension, CASE sector_level WHEN 'total' THEN NULL ELSE sector_code END AS dimension_code, "
					+ "CASE WHEN status = 'ok' THEN value END AS numerator, NULL::DOUBLE AS denominator, "
					+ "CASE WHEN status = 'ok' THEN value END AS value, status FROM mart.secrecy_cell WHERE published");
		}
	}

}
