package fr.territoire.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small test inbox ({@link SmallInbox}) holds the samples' rows of département 67, in
 * the samples' layout, and is the same bytes at every build.
 */
class SmallInboxTests {

	/**
	 * Numbers as plain decimals, whatever their display format: the small inbox keeps
	 * values, not display formats (its javadoc).
	 */
	private static final DataFormatter PLAIN = new DataFormatter(java.util.Locale.ROOT) {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	};

	@TempDir
	Path base;

	@Test
	void twoBuildsWriteTheSameBytes() throws IOException {
		SmallInbox.write(this.base.resolve("a"));
		SmallInbox.write(this.base.resolve("b"));
		for (String file : SmallInbox.files()) {
			assertThat(Files.readAllBytes(this.base.resolve("b").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(this.base.resolve("a").resolve(file)));
		}
	}

	@Test
	void theCogHoldsTheCommunesOfTheDepartementAndTheirEpcis() throws IOException {
		Path cog = SmallInbox.folder().resolve("cog-2026");
		List<JsonNode> communes = json(cog.resolve("communes.json.gz"));
		long expected = json(SampleExpectations.SAMPLES.resolve("cog-2026/communes.json.gz")).stream()
			.filter((commune) -> commune.get("code").asString().startsWith("67"))
			.count();
		assertThat(communes).hasSize((int) expected)
			.allSatisfy((commune) -> assertThat(commune.get("departement").asString()).isEqualTo("67"));
		assertThat(expected).isGreaterThan(500);
		List<JsonNode> epcis = json(cog.resolve("epci.json.gz"));
		assertThat(epcis).isNotEmpty()
			.allSatisfy((epci) -> assertThat(epci.get("membres").toString()).contains("\"code\":\"67"));
		assertThat(json(cog.resolve("departements.json"))).singleElement()
			.satisfies((departement) -> assertThat(departement.get("region").asString()).isEqualTo("44"));
		assertThat(json(cog.resolve("regions.json"))).singleElement()
			.satisfies((region) -> assertThat(region.get("nom").asString()).isEqualTo("Grand Est"));
	}

	@Test
	void theWorkbooksKeepTheirLayoutAndOnlyTheDepartementsRows() throws Exception {
		assertSameLayout("populations/ensemble_2025_populations_reference_2022.xlsx", "Communes", 2, false);
		assertSameLayout("insee-grille-densite/grille_densite_niveau_detaille_2022.xlsx", "grille_4_nivDetaille", 0,
				true);
	}

	/**
	 * The sheet names, the rows down to the header (its key cell starting with "Code")
	 * and, below it, the samples' rows whose key column is of 67, in order, each cell
	 * with its kind and value (both workbooks streamed with POI's event reader: the
	 * samples' sheets are too big for the in-memory model in a unit test).
	 */
	private static void assertSameLayout(String file, String sheetName, int keyColumn, boolean keyIsCommune)
			throws Exception {
		Map<String, List<List<String>>> samples = sheets(SampleExpectations.SAMPLES.resolve(file));
		Map<String, List<List<String>>> small = sheets(SmallInbox.folder().resolve(file));
		assertThat(small.keySet()).as("sheets of %s", file).containsExactlyElementsOf(samples.keySet());
		List<List<String>> expected = new ArrayList<>();
		boolean below = false;
		int data = 0;
		for (List<String> row : samples.get(sheetName)) {
			String key = valueAt(row, keyColumn);
			if (!below || key.isBlank() || (keyIsCommune ? key.startsWith("67") : key.equals("67"))) {
				expected.add(below ? row.subList(1, row.size()) : row);
				data += (below && !key.isBlank()) ? 1 : 0;
			}
			below |= key.replaceAll("\\s+", " ").strip().startsWith("Code");
		}
		List<List<String>> actual = new ArrayList<>();
		boolean header = false;
		for (List<String> row : small.get(sheetName)) {
			actual.add(header ? row.subList(1, row.size()) : row);
			header |= valueAt(row, keyColumn).replaceAll("\\s+", " ").strip().startsWith("Code");
		}
		assertThat(actual).as("rows of %s!%s", file, sheetName).isEqualTo(expected);
		assertThat(data).as("rows of 67 in %s", file).isGreaterThan(500);
	}

	/** The value of a row's cell "column=value" ("" when missing). */
	private static String valueAt(List<String> row, int column) {
		String prefix = CellReference.convertNumToColString(column) + "=";
		return row.stream()
			.filter((cell) -> cell.startsWith(prefix))
			.map((cell) -> cell.substring(prefix.length()))
			.findFirst()
			.orElse("");
	}

	/**
	 * Each sheet's rows, in order: the sheet row number, then each cell as
	 * "column=value".
	 */
	private static Map<String, List<List<String>>> sheets(Path file) throws Exception {
		Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (iterator.hasNext()) {
				try (InputStream sheet = iterator.next()) {
					List<List<String>> rows = new ArrayList<>();
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(
							new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new SheetContentsHandler() {

								@Override
								public void startRow(int rowNum) {
									rows.add(new ArrayList<>(List.of(Integer.toString(rowNum))));
								}

								@Override
								public void endRow(int rowNum) {
								}

								@Override
								public void cell(String reference, String value, XSSFComment comment) {
									if (value != null && !value.isEmpty()) {
										rows.get(rows.size() - 1).add(reference.replaceAll("[0-9]", "") + "=" + value);
									}
								}

							}, PLAIN, false));
					parser.parse(new InputSource(sheet));
					sheets.put(iterator.getSheetName(), rows);
				}
			}
		}
		return sheets;
	}

	private static List<JsonNode> json(Path file) throws IOException {
		try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
				: Files.newInputStream(file)) {
			List<JsonNode> nodes = new ArrayList<>();
			JsonMapper.builder().build().readTree(in).forEach(nodes::add);
			return nodes;
		}
	}

}
