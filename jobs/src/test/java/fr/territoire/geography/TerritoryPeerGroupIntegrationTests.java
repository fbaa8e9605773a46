package fr.territoire.geography;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.territoire.support.CogFiles;
import fr.territoire.support.SampleExpectations;
import fr.territoire.support.SampleNightly;
import fr.territoire.support.Warehouse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly on the bundled samples that the read-only tests share
 * ({@code SampleNightly}); the density levels and size classes of
 * {@code core.territory_peer_group} are checked against INSEE's grille communale de
 * densité and populations workbook read with POI's in-memory model (not the SAX reader of
 * the pipeline), and against the parts of a merged commune found in the COG 2026 JSON
 * read with Jackson.
 */
class TerritoryPeerGroupIntegrationTests {

	static final Path GRID = SampleExpectations.SAMPLES
		.resolve("insee-grille-densite/grille_densite_niveau_detaille_2022.xlsx");

	/** Strasbourg, unchanged since 2022. */
	static final String STRASBOURG = "67482";

	/** Entzheim, unchanged since 2022. */
	static final String ENTZHEIM = "67124";

	/**
	 * Magnac-lès-Gardes (Charente), merged after 2022 from Magnac-Lavalette-Villars
	 * (16198, whose code it keeps) and Gardes-le-Pontaroux.
	 */
	static final String MAGNAC_LES_GARDES = "16198";

	static Map<String, GridRow> grid;

	static CogFiles cog2026;

	@BeforeAll
	static void readTheGridAndTheCog() throws Exception {
		grid = readGrid(GRID);
		cog2026 = CogFiles.read(SampleExpectations.SAMPLES.resolve("cog-2026/communes.json.gz"));
	}

	@Test
	void givesAnUnchangedCommuneTheLevelOfItsRowInTheGrid() throws IOException, SQLException {
		assertThat(grid.get(STRASBOURG).level()).isEqualTo(1);
		assertThat(grid.get(ENTZHEIM).level()).isEqualTo(3);
		try (Warehouse warehouse = current()) {
			for (String commune : List.of(STRASBOURG, ENTZHEIM)) {
				assertThat(cog2026.formerCodes(commune)).as(commune).isEmpty();
				assertThat(communeDensity(warehouse, commune)).as(commune).isEqualTo(grid.get(commune).level());
				assertThat(warehouse.text(
						"SELECT density_method FROM geography.commune_density WHERE commune_code = '" + commune + "'"))
					.isEqualTo("unchanged");
			}
		}
	}

	@Test
	void givesAMergedCommuneTheLevelHoldingMostOfItsPartsPopulation() throws IOException, SQLException {
		// its parts: its own code and the former codes the COG 2026 lists for it, those
		// the grid (2022 geography) has a row for (16407, a code already gone in 2022,
		// has none)
		List<String> parts = new ArrayList<>(cog2026.formerCodes(MAGNAC_LES_GARDES));
		parts.add(MAGNAC_LES_GARDES);
		assertThat(parts).containsExactlyInAnyOrder("16147", "16198", "16407");
		parts.removeIf((code) -> !grid.containsKey(code));
		assertThat(parts).containsExactlyInAnyOrder("16147", "16198");
		double[] populationByLevel = new double[5];
		for (String part : parts) {
			GridRow row = grid.get(part);
			for (int level = 1; level <= 4; level++) {
				populationByLevel[level] += row.population() * row.shares()[level];
			}
		}
		int expected = 1;
		for (int level = 2; level <= 4; level++) {
			if (populationByLevel[level] > populationByLevel[expected]) {
				expected = level;
			}
		}
		// the larger part is peu dense (3), but most of the merged population lives in
		// très peu dense cells: 264 × 1 + 445 × 0.358 against 445 × 0.642
		assertThat(grid.get(MAGNAC_LES_GARDES).level()).isEqualTo(3);
		assertThat(expected).isEqualTo(4);
		try (Warehouse warehouse = current()) {
			assertThat(communeDensity(warehouse, MAGNAC_LES_GARDES)).isEqualTo(expected);
			assertThat(warehouse.text("SELECT density_method || ':' || source_codes FROM geography.commune_density "
					+ "WHERE commune_code = '" + MAGNAC_LES_GARDES + "'"))
				.isEqualTo("merged:16147,16198");
			assertThat(warehouse.text("SELECT density_label FROM core.territory_peer_group "
					+ "WHERE level = 'commune' AND territory_code = '" + MAGNAC_LES_GARDES + "'"))
				.isEqualTo("très peu dense");
		}
	}

	@Test
	void classesACommuneByItsPopulationMunicipale() throws Exception {
		long population = SampleExpectations.load().population(ENTZHEIM);
		String expected = communeSizeClass(population);
		assertThat(expected).isEqualTo("2000-4999");
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.rows("SELECT size_class, peer_group, population_municipale "
					+ "FROM core.territory_peer_group WHERE level = 'commune' AND territory_code = '" + ENTZHEIM + "'"))
				.containsExactly(List.of(expected, "commune|" + grid.get(ENTZHEIM).level() + "|" + expected,
						String.valueOf(population)));
		}
	}

	@Test
	void givesAnEpciTheLevelHoldingMostOfItsMembersPopulation() throws Exception {
		SampleExpectations expected = SampleExpectations.load();
		String epci = expected.epciOf(ENTZHEIM);
		long[] populationByLevel = new long[5];
		long population = 0;
		for (String member : expected.epciMembers().get(epci)) {
			// every member of the Eurométropole is unchanged since 2022
			assertThat(cog2026.formerCodes(member)).as(member).isEmpty();
			populationByLevel[grid.get(member).level()] += expected.population(member);
			population += expected.population(member);
		}
		int level = 1;
		for (int i = 2; i <= 4; i++) {
			if (populationByLevel[i] > populationByLevel[level]) {
				level = i;
			}
		}
		assertThat(population).isGreaterThanOrEqualTo(300_000);
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.rows("SELECT density_level, size_class, peer_group, population_municipale "
					+ "FROM core.territory_peer_group WHERE level = 'epci' AND territory_code = '" + epci + "'"))
				.containsExactly(List.of(String.valueOf(level), "300000+", "epci|" + level + "|300000+",
						String.valueOf(population)));
			long basRhin = expected.populationOfDepartement("67");
			assertThat(basRhin).isBetween(1_000_000L, 2_999_999L);
			assertThat(warehouse.rows("SELECT density_level, size_class, peer_group, population_municipale "
					+ "FROM core.territory_peer_group WHERE level = 'departement' AND territory_code = '67'"))
				.containsExactly(
						Arrays.asList(null, "1000000-2999999", "departement|1000000-2999999", String.valueOf(basRhin)));
		}
	}

	@Test
	void holdsOneRowPerCommuneEpciDepartementAndRegion() throws IOException, SQLException {
		try (Warehouse warehouse = current()) {
			assertThat(warehouse.count("SELECT count(*) FROM core.territory_peer_group"))
				.isEqualTo(warehouse.count("SELECT count(*) FROM core.territory WHERE level <> 'france'"));
			assertThat(warehouse.count("SELECT count(*) FROM core.territory_peer_group WHERE level = 'commune'"))
				.isEqualTo(cog2026.communes().size());
			assertThat(warehouse.count("SELECT count(*) FROM core.territory_peer_group "
					+ "WHERE level IN ('departement', 'region') AND density_level IS NOT NULL"))
				.isZero();
		}
	}

	/** The size classes of communes, bounds included on the left. */
	private static String communeSizeClass(long population) {
		long[] bounds = { 500, 2_000, 5_000, 20_000, 50_000 };
		long lower = 0;
		for (long bound : bounds) {
			if (population < bound) {
				return lower + "-" + (bound - 1);
			}
			lower = bound;
		}
		return lower + "+";
	}

	private static long communeDensity(Warehouse warehouse, String commune) throws SQLException {
		return warehouse.count("SELECT density_level FROM core.territory_peer_group "
				+ "WHERE level = 'commune' AND territory_code = '" + commune + "'");
	}

	/** The warehouse of the nightly on the samples (shared: these tests only read it). */
	private static Warehouse current() throws IOException, SQLException {
		return SampleNightly.warehouse();
	}

	/**
	 * The grid's rows by commune code, its header cells found with their line breaks and
	 * spaces collapsed.
	 */
	static Map<String, GridRow> readGrid(Path file) throws IOException {
		Map<String, GridRow> rows = new HashMap<>();
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("grille_4_nivDetaille");
			Map<String, Integer> header = new HashMap<>();
			for (Cell cell : sheet.getRow(0)) {
				header.put(formatter.formatCellValue(cell).replaceAll("\\s+", " ").strip(), cell.getColumnIndex());
			}
			int code = header.get("Code Commune");
			int level = header.get("Typo degré de Densité");
			int population = header.get("Population municipale 2018");
			int[] shares = { 0, header.get("Part population Dense (1)"),
					header.get("Part population Intermédiaire (2)"), header.get("Part population Peu dense (3)"),
					header.get("Part population Très peu dense (4)") };
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue;
				}
				double[] values = new double[5];
				for (int i = 1; i <= 4; i++) {
					values[i] = number(row.getCell(shares[i]));
				}
				rows.put(formatter.formatCellValue(row.getCell(code)).strip(),
						new GridRow((int) number(row.getCell(level)), (long) number(row.getCell(population)), values));
			}
		}
		assertThat(rows).hasSize(34_955);
		return rows;
	}

	private static double number(Cell cell) {
		return (cell.getCellType() == CellType.NUMERIC) ? cell.getNumericCellValue()
				: Double.parseDouble(cell.getStringCellValue().strip());
	}

	/**
	 * One row of the grid.
	 *
	 * @param level density level, 1 to 4
	 * @param population population municipale 2018
	 * @param shares share of the population in each level, indexed 1 to 4
	 */
	record GridRow(int level, long population, double[] shares) {
	}

}
