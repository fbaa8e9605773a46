package fr.territoire.ingest;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.territoire.error.TerritoireException;
import fr.territoire.ingest.xlsx.SheetSelector;
import fr.territoire.ingest.xlsx.UncachedFormula;
import fr.territoire.ingest.xlsx.XlsxRow;
import fr.territoire.ingest.xlsx.XlsxSheetReader;
import fr.territoire.mapping.Column;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Formulas stored without their result (issue 17, Build 8), as a program writing a
 * workbook leaves them (POI's XSSF writes none unless asked to evaluate): a members list
 * whose fee column is {@code =1500/H6}. They are evaluated when the workbook is small
 * enough, and the file is refused naming sheet, row, column and formula when it is not;
 * never read as empty.
 */
class XlsxUncachedFormulaTests {

	private static final String SHEET = "Membres";

	/** Headcounts of rows 6 to 9 (column H); the fee is 1500 / headcount. */
	private static final int[] HEADCOUNTS = { 4, 3, 8, 0 };

	@TempDir
	Path folder;

	private DuckDBConnection connection;

	private Path workbook;

	@BeforeEach
	void setUp() throws Exception {
		this.connection = (DuckDBConnection) DriverManager
			.getConnection("jdbc:duckdb:" + this.folder.resolve("w.duckdb"));
		Sql.execute(this.connection, "schema", "SET threads = 2; CREATE SCHEMA raw");
		this.workbook = membersWithFeeFormulas(this.folder.resolve("membres.xlsx"));
	}

	@AfterEach
	void close() throws Exception {
		this.connection.close();
	}

	@Test
	void theTestWorkbookStoresItsFormulasWithoutResults() throws Exception {
		String sheetXml = sheetXml(this.workbook);
		assertThat(sheetXml).contains("<f>1500/H6</f>")
			.contains("<f>1500/H9</f>")
			.contains("<f>B6&amp;\"-\"&amp;H6</f>");
		assertThat(sheetXml.split("<f>", -1).length - 1).isEqualTo(2 * HEADCOUNTS.length);
		// no cell holding a formula has a <v>: each <c ...><f>...</f></c>
		assertThat(sheetXml).doesNotContainPattern("</f><v>");
	}

	@Test
	void evaluatesFormulasWithoutResultsInASmallWorkbook() throws Exception {
		List<XlsxRow> rows = new ArrayList<>();
		XlsxSheetReader.read(this.workbook, new SheetSelector.ByName(SHEET), rows::add);

		List<XlsxRow> data = rows.stream().filter((row) -> row.rowNumber() >= 6).toList();
		assertThat(data).hasSize(HEADCOUNTS.length);
		assertThat(data.get(0).cell(8)).isEqualTo("375");
		assertThat(data.get(1).cell(8)).isEqualTo("500");
		assertThat(data.get(2).cell(8)).isEqualTo("187.5");
		assertThat(data.get(3).cell(8)).isEqualTo("#DIV/0!");
		assertThat(data.stream().map((row) -> row.cell(9)).toList()).containsExactly("A1-4", "A2-3", "A3-8", "A4-0");
		assertThat(data).allMatch((row) -> row.uncachedFormulas().isEmpty());
		assertThat(1500.0 / HEADCOUNTS[0]).isEqualTo(375.0);
		assertThat(1500.0 / HEADCOUNTS[2]).isEqualTo(187.5);
	}

	@Test
	void listsFormulasWithoutResultsOfAWorkbookOverTheLimitInsteadOfEmptyValues() throws Exception {
		List<XlsxRow> rows = new ArrayList<>();
		XlsxSheetReader.read(this.workbook, new SheetSelector.ByName(SHEET), Files.size(this.workbook) - 1, rows::add);

		XlsxRow first = rows.stream().filter((row) -> row.rowNumber() >= 6).findFirst().orElseThrow();
		assertThat(first.rowNumber()).isEqualTo(6);
		assertThat(first.cell(8)).isEmpty();
		assertThat(first.uncachedFormulas())
			.extracting(UncachedFormula::cell, UncachedFormula::column, UncachedFormula::formula)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("I6", 8, "1500/H6"),
					org.assertj.core.groups.Tuple.tuple("J6", 9, "B6&\"-\"&H6"));
		assertThat(first.uncachedFormulas().get(0).reason())
			.contains("larger than the formula evaluation limit (" + (Files.size(this.workbook) - 1) + " bytes");
	}

	@Test
	void loadsEvaluatedFeesIntoTheRawTable() throws Exception {
		Mapping mapping = mapping();
		RawTable.create(this.connection, mapping);
		long rows = RawLoader.forFormat(Mapping.Format.XLSX).load(this.connection, mapping, input());

		assertThat(rows).isEqualTo(HEADCOUNTS.length);
		assertThat(Sql.queryRows(this.connection, "SELECT * FROM raw.members ORDER BY _record")).containsExactly(
				Arrays.asList("membres.xlsx", "6", "A1", "375"), Arrays.asList("membres.xlsx", "7", "A2", "500"),
				Arrays.asList("membres.xlsx", "8", "A3", "187.5"), Arrays.asList("membres.xlsx", "9", "A4", "#DIV/0!"));
	}

	@Test
	void refusesTheFileNamingSheetRowColumnAndFormulaWhenTheWorkbookIsOverTheLimit() throws Exception {
		Mapping mapping = mapping();
		RawTable.create(this.connection, mapping);

		assertThatThrownBy(() -> RawLoader.forFormat(Mapping.Format.XLSX, 1000).load(this.connection, mapping, input()))
			.isInstanceOf(TerritoireException.class)
			.hasMessageStartingWith("[UNREADABLE_INPUT] membres.xlsx, sheet 'Membres', row 6, column 'Cotisation', "
					+ "value '=1500/H6': cell I6 holds the formula =1500/H6 stored without its result, and it was not "
					+ "evaluated: the workbook (" + Files.size(this.workbook)
					+ " bytes) is larger than the formula evaluation limit (1000 bytes, "
					+ "territoire.ingest.formula-evaluation-limit)");
	}

	@Test
	void readsAnExternalLinkByItsCachedValueAndRefusesOneWithoutNamingItsCell() throws Exception {
		Path linked = this.folder.resolve("lien.xlsx");
		rewriteSheet(this.workbook, linked, "<f>1500/H6</f>", "<f>[1]Tarifs!$A$1</f><v>1234</v>");
		Path unlinked = this.folder.resolve("lien-sans-valeur.xlsx");
		rewriteSheet(this.workbook, unlinked, "<f>1500/H6</f>", "<f>[1]Tarifs!$A$1</f>");

		List<XlsxRow> rows = new ArrayList<>();
		XlsxSheetReader.read(linked, new SheetSelector.ByName(SHEET), rows::add);
		assertThat(rows.stream().filter((row) -> row.rowNumber() == 6).findFirst().orElseThrow().cell(8))
			.isEqualTo("1234");

		Mapping mapping = mapping();
		RawTable.create(this.connection, mapping);
		InputFile file = new InputFile("members", unlinked, "lien-sans-valeur.xlsx", Files.size(unlinked), "-");
		assertThatThrownBy(() -> RawLoader.forFormat(Mapping.Format.XLSX).load(this.connection, mapping, file))
			.isInstanceOf(TerritoireException.class)
			.hasMessageStartingWith("[UNREADABLE_INPUT] lien-sans-valeur.xlsx, sheet 'Membres', row 6, column "
					+ "'Cotisation', value '=[1]Tarifs!$A$1': cell I6 holds the formula =[1]Tarifs!$A$1 stored "
					+ "without its result, and it was not evaluated: POI could not evaluate it");
	}

	/** A copy of a workbook with one text replaced in its first sheet's XML. */
	private static void rewriteSheet(Path from, Path to, String text, String replacement) throws Exception {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(from.toFile());
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				byte[] bytes = zip.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(bytes, StandardCharsets.UTF_8);
					assertThat(xml).contains(text);
					bytes = xml.replace(text, replacement).getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
	}

	private Mapping mapping() {
		return new Mapping("members", "cluster members", List.of("*.xlsx"), Mapping.Format.XLSX, null, null, null, null,
				null, SHEET, null, new Mapping.Header(5, null), null,
				List.of(Column.named("SIRET"), Column.named("Cotisation")), null, null, null, null, null, null);
	}

	private InputFile input() throws Exception {
		return new InputFile("members", this.workbook, "membres.xlsx", Files.size(this.workbook), "not hashed");
	}

	/**
	 * Title rows 1 and 3, the header in row 5, members in rows 6 to 9: SIRET in B,
	 * headcount in H, fee {@code =1500/H<n>} in I and a label {@code =B<n>&"-"&H<n>} in
	 * J, written without results.
	 */
	private static Path membersWithFeeFormulas(Path file) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet(SHEET);
			sheet.createRow(0).createCell(0).setCellValue("Cluster aéronautique — membres");
			sheet.createRow(2).createCell(0).setCellValue("Cotisations 2026");
			Row header = sheet.createRow(4);
			String[] names = { "Nom", "SIRET", "C", "D", "E", "F", "G", "Effectif", "Cotisation", "Libellé" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			for (int i = 0; i < HEADCOUNTS.length; i++) {
				int excelRow = 6 + i;
				Row row = sheet.createRow(excelRow - 1);
				row.createCell(0).setCellValue("Membre " + (i + 1));
				row.createCell(1).setCellValue("A" + (i + 1));
				row.createCell(7).setCellValue(HEADCOUNTS[i]);
				row.createCell(8).setCellFormula("1500/H" + excelRow);
				row.createCell(9).setCellFormula("B" + excelRow + "&\"-\"&H" + excelRow);
			}
			workbook.write(out);
		}
		return file;
	}

	private static String sheetXml(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new IllegalStateException("no sheet1.xml in " + file);
	}

}
