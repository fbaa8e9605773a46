package fr.territoire.secrecy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.territoire.secrecy.ClusterMembers.Cell;
import fr.territoire.secrecy.ClusterMembers.Figure;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.StockFigures;
import fr.territoire.support.StockFigures.Territory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped partner figure under statistical secrecy: the bundled cluster members'
 * turnover summed by EPCI, département, région and France × filière, as the release
 * publishes it, against the workbook read again with POI and summed in plain Java
 * ({@link ClusterMembers}).
 */
class PartnerTurnoverSecrecyIntegrationTests {

	static final List<String> LEVELS = List.of("epci", "departement", "region", "france");

	static Map<Cell, Figure> cells;

	static List<CSVRecord> published;

	@BeforeAll
	static void readTheWorkbookAndTheRelease() throws IOException {
		cells = ClusterMembers.cells(ClusterMembers.members(), StockFigures.samples());
		published = rows(SampleNightly.release(), "partner_turnover");
	}

	@Test
	void noPublishedCellRestsOnFewerThanThreeFirmsOrOnOneAbove85Percent() {
		int valued = 0;
		for (CSVRecord row : published) {
			Figure figure = cells.get(cell(row));
			assertThat(figure).as("a published cell the workbook makes: %s", row).isNotNull();
			if (!row.get("value").isEmpty()) {
				valued++;
				assertThat(figure.firms()).as("firms of %s", row).isGreaterThanOrEqualTo(3);
				assertThat(figure.topShare()).as("largest firm's share of %s", row).isLessThanOrEqualTo(0.85);
				assertThat(Double.parseDouble(row.get("value"))).as("value of %s", row)
					.isCloseTo(figure.value(), within(0.5));
				assertThat(row.get("status")).isEqualTo("ok");
			}
		}
		assertThat(valued).as("cells published with a value").isGreaterThan(0);
	}

	@Test
	void everyCellBreakingARuleIsPublishedSecretAndEmptyNeverOmitted() {
		Set<Cell> seen = new HashSet<>();
		int primary = 0;
		for (CSVRecord row : published) {
			Cell cell = cell(row);
			seen.add(cell);
			if (cells.get(cell).primary()) {
				primary++;
				assertThat(row.get("status")).as("status of %s", row).isEqualTo("secret_primary");
			}
			if (row.get("status").startsWith("secret")) {
				for (String column : List.of("value", "numerator", "denominator", "rank_in_level",
						"percentile_in_level")) {
					assertThat(row.get(column)).as("%s of the secret %s", column, row).isEmpty();
				}
			}
		}
		assertThat(primary).as("cells breaking the frequency or dominance rule").isGreaterThan(0);
		assertThat(seen).as("every cell of the workbook has its row")
			.containsExactlyInAnyOrderElementsOf(cells.keySet());
	}

	static Cell cell(CSVRecord row) {
		String code = row.get("dimension_code");
		return new Cell(new Territory(row.get("level"), row.get("territory_code")),
				row.get("indicator_id").equals("partner_turnover") ? ClusterMembers.TOTAL : code);
	}

	/** The rows of the indicators of a measure in the release's per-level CSV files. */
	static List<CSVRecord> rows(Path release, String measure) throws IOException {
		List<CSVRecord> rows = new ArrayList<>();
		for (String level : LEVELS) {
			try (Reader in = Files.newBufferedReader(release.resolve("indicator_values_" + level + ".csv"))) {
				for (CSVRecord row : CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(in)) {
					if (row.get("indicator_id").equals(measure)
							|| row.get("indicator_id").equals(measure + "_by_filiere")) {
						rows.add(row);
					}
				}
			}
		}
		return rows;
	}

}
