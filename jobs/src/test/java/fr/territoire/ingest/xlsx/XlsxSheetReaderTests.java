package fr.territoire.ingest.xlsx;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.territoire.ingest.xlsx.XlsxReadException.Code;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSheetReaderTests {

	/** The project folder; the shared real-data folder is expected beside it. */
	private static final Path PROJECT = Path.of(System.getProperty("territoire.project-dir", ".."))
		.toAbsolutePath()
		.normalize();

	private static final Path SHARED_DATA = PROJECT.resolve("../shared/data").normalize();

	private static final Path GORDESCH_FIRMS = SHARED_DATA.resolve("partners/gordesch-diag/etablissements.xlsx");

	private static final Path INSEE_POPULATIONS = PROJECT
		.resolve("samples/populations/ensemble_2025_populations_reference_2022.xlsx");

	@TempDir
	Path folder;

	// ---------------------------------------------------------------- real files

	@Nested
	class OnTheGordeschFirmsWorkbook {

		@Test
		void everySiretComesBackAsItsDigits() throws Exception {
			assumePresent(GORDESCH_FIRMS);
			List<XlsxRow> rows = readAll(GORDESCH_FIRMS, new SheetSelector.ByName("Sheet 1"));

			// Counted independently: `unzip -p etablissements.xlsx
			// xl/worksheets/sheet1.xml` has rows 1..202,
			// row 1 the header; every SIRET there is a shared string of 14 digits.
			assertThat(rows).hasSize(202);
			assertThat(rows.get(0).cells()).containsExactly("Siret", "Siren", "Nom de l'entreprise", "Localisation",
					"Tranche d'effectif", "Activité", "Domaine", "Chiffre d'affaires");
			List<XlsxRow> firms = rows.subList(1, rows.size());
			assertThat(firms).hasSize(201);
			assertThat(firms).allSatisfy(firm -> assertThat(firm.cell(0)).matches("\\d{13,14}"));
			assertThat(firms.get(0).rowNumber()).isEqualTo(2);
			assertThat(firms.get(0).cells()).startsWith("30057104901578", "300571049", "PETIT FORESTIER LOCATION");
			assertThat(firms.get(1).cell(2)).isEqualTo("DSV AIR & SEA SAS");
			assertThat(firms.get(200).rowNumber()).isEqualTo(202);
			assertThat(firms.get(200).cells()).startsWith("95062278700022", "950622787", "E G W MAINTENANCE");
		}

		@Test
		void listsItsOnlySheet() throws Exception {
			assumePresent(GORDESCH_FIRMS);
			assertThat(XlsxSheetReader.sheetNames(GORDESCH_FIRMS)).containsExactly("Sheet 1");
		}

	}

	@Nested
	class OnTheInseePopulationWorkbook {

		@Test
		void listsItsSheetsInTabOrder() throws Exception {
			assumePresent(INSEE_POPULATIONS);
			assertThat(XlsxSheetReader.sheetNames(INSEE_POPULATIONS)).containsExactly("Régions", "Départements",
					"Arrondissements", "Cantons et métropoles", "Communes", "Fractions cantonales",
					"Communes associées ou déléguées", "Collectivités outre-mer", "Documentation");
		}

		@Test
		void streamsTheCommunesSheetDespiteItsWrongDimensionTag() throws Exception {
			assumePresent(INSEE_POPULATIONS);
			List<XlsxRow> header = new ArrayList<>();
			List<XlsxRow> titles = new ArrayList<>();
			List<XlsxRow> abergement = new ArrayList<>();
			long[] communeCount = { 0 };
			long[] municipalPopulation = { 0 };
			int[] lastRowNumber = { 0 };

			resetHeapPeaks();
			long start = System.nanoTime();
			XlsxSheetReader.read(INSEE_POPULATIONS, new SheetSelector.ByName("Communes"), row -> {
				lastRowNumber[0] = row.rowNumber();
				if (row.rowNumber() < 8) {
					titles.add(row);
				}
				else if (row.rowNumber() == 8) {
					header.add(row);
				}
				else {
					communeCount[0]++;
					municipalPopulation[0] += Long.parseLong(row.cell(7));
					if (row.cell(2).equals("01") && row.cell(5).equals("001")) {
						abergement.add(row);
					}
				}
			});
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			long peakHeapMebibytes = heapPeakBytes() / (1024 * 1024);
			long maxHeapMebibytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
			System.out.printf(
					"Communes sheet (30 MB of XML, 34,964 communes): %d ms, peak heap %d MiB" + " (max heap %d MiB)%n",
					elapsedMillis, peakHeapMebibytes, maxHeapMebibytes);

			// Counted independently with unzip + a regex over xl/worksheets/sheet5.xml,
			// whose <dimension>
			// says "A1": rows 1..6 are titles, row 7 is empty, row 8 is the header, rows
			// 9..34972 are
			// communes, row 34973 is empty.
			assertThat(titles).extracting(XlsxRow::rowNumber).containsExactly(1, 2, 3, 4, 5, 6);
			assertThat(titles.get(0).cells())
				.containsExactly("Populations de référence des communes en vigueur au 1er janvier 2025");
			assertThat(header).singleElement()
				.extracting(XlsxRow::cells)
				.asInstanceOf(list(String.class))
				.containsExactly("Code région", "Nom de la région", "Code département", "Code arrondissement",
						"Code canton", "Code commune", "Nom de la commune", "Population municipale",
						"Population comptée à part", "Population totale");
			assertThat(communeCount[0]).isEqualTo(34_964);
			assertThat(lastRowNumber[0]).isEqualTo(34_972);
			assertThat(municipalPopulation[0]).isEqualTo(67_808_450L);
			assertThat(abergement).singleElement()
				.extracting(XlsxRow::cells)
				.asInstanceOf(list(String.class))
				.containsExactly("84", "Auvergne-Rhône-Alpes", "01", "2", "08", "001", "L' Abergement-Clémenciat",
						"859", "16", "875");
			assertThat(maxHeapMebibytes).as("surefire runs the tests with -Xmx256m").isLessThanOrEqualTo(256);
		}

		@Test
		void selectsASheetByPositionOrByNameWhateverItsCaseAndUnicodeForm() throws Exception {
			assumePresent(INSEE_POPULATIONS);
			List<XlsxRow> byPosition = readAll(INSEE_POPULATIONS, new SheetSelector.ByPosition(1));
			String decomposed = Normalizer.normalize("RÉGIONS", Normalizer.Form.NFD);
			List<XlsxRow> byName = readAll(INSEE_POPULATIONS, new SheetSelector.ByName(decomposed));

			assertThat(byName).isEqualTo(byPosition);
			assertThat(byPosition).anySatisfy(row -> assertThat(row.cell(1)).isEqualTo("Île-de-France"));
		}

		@Test
		void refusesAnUnknownSheetAndListsTheAvailableOnes() {
			assumePresent(INSEE_POPULATIONS);
			XlsxReadException failure = catchThrowableOfType(XlsxReadException.class,
					() -> XlsxSheetReader.read(INSEE_POPULATIONS, new SheetSelector.ByName("Villes"), row -> {
					}));

			assertThat(failure.code()).isEqualTo(Code.SHEET_NOT_FOUND);
			assertThat(failure.sheet()).isEqualTo("\"Villes\"");
			assertThat(failure.file()).isEqualTo(INSEE_POPULATIONS);
			assertThat(failure.getMessage()).contains("ensemble_2025_populations_reference_2022.xlsx", "Villes",
					"Régions", "Communes", "Documentation");

			assertThatThrownBy(() -> XlsxSheetReader.read(INSEE_POPULATIONS, new SheetSelector.ByPosition(10), row -> {
			})).isInstanceOf(XlsxReadException.class).extracting("code").isEqualTo(Code.SHEET_NOT_FOUND);
		}

	}

	// ---------------------------------------------------------------- cell values

	@Test
	void numbersComeBackAsPlainDecimalText() throws Exception {
		Path file = xssfWorkbook(workbook -> {
			Sheet sheet = workbook.createSheet("Numbers");
			double[] values = { 3.2517500016E10, 859, 12.5, 0.1, 0.1 + 0.2, -42.75, 1.0E-7, 1.5E20, -0.0, 0 };
			for (int index = 0; index < values.length; index++) {
				sheet.createRow(index).createCell(0).setCellValue(values[index]);
			}
			CellStyle thousands = workbook.createCellStyle();
			thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
			CellStyle scientific = workbook.createCellStyle();
			scientific.setDataFormat(workbook.createDataFormat().getFormat("0.00E+00"));
			Row formatted = sheet.createRow(values.length);
			formatted.createCell(0).setCellValue(1234.5);
			formatted.getCell(0).setCellStyle(thousands);
			formatted.createCell(1).setCellValue(0.25);
			formatted.getCell(1).setCellStyle(percent);
			formatted.createCell(2).setCellValue(32517500016d);
			formatted.getCell(2).setCellStyle(scientific);
		});

		List<XlsxRow> rows = readAll(file, new SheetSelector.ByPosition(1));

		assertThat(rows.subList(0, 10)).extracting(row -> row.cell(0))
			.containsExactly("32517500016", "859", "12.5", "0.1", "0.3", "-42.75", "0.0000001", "150000000000000000000",
					"0", "0");
		assertThat(rows.get(10).cells()).containsExactly("1234.5", "0.25", "32517500016");
	}

	@Test
	void datesComeBackInIsoForm() throws Exception {
		Path file = xssfWorkbook(workbook -> {
			Sheet sheet = workbook.createSheet("Dates");
			CellStyle frenchDate = workbook.createCellStyle();
			frenchDate.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle builtinDate = workbook.createCellStyle();
			builtinDate.setDataFormat((short) 14);
			CellStyle dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
			CellStyle time = workbook.createCellStyle();
			time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
			Row row = sheet.createRow(0);
			row.createCell(0).setCellValue(LocalDate.of(2024, 3, 15));
			row.getCell(0).setCellStyle(frenchDate);
			row.createCell(1).setCellValue(LocalDate.of(1999, 12, 31));
			row.getCell(1).setCellStyle(builtinDate);
			row.createCell(2).setCellValue(LocalDateTime.of(2024, 3, 15, 8, 30, 15));
			row.getCell(2).setCellStyle(dateTime);
			row.createCell(3).setCellValue(0.5);
			row.getCell(3).setCellStyle(time);
			row.createCell(4).setCellValue(45366);
		});

		assertThat(readAll(file, new SheetSelector.ByName("Dates")).get(0).cells()).containsExactly("2024-03-15",
				"1999-12-31", "2024-03-15T08:30:15", "12:00:00", "45366");
	}

	@Test
	void datesOfAWorkbookCountingFrom1904AreRightToo() throws Exception {
		Path file = xssfWorkbook(workbook -> {
			((XSSFWorkbook) workbook).getCTWorkbook().addNewWorkbookPr().setDate1904(true);
			Sheet sheet = workbook.createSheet("Mac");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			// POI's setCellValue(LocalDate) ignores the flag set this way: write the 1904
			// serial directly.
			double serial1904 = DateUtil.getExcelDate(LocalDate.of(2024, 3, 15).atStartOfDay(), true);
			assertThat(serial1904).isEqualTo(45_366 - 1_462);
			sheet.createRow(0).createCell(0).setCellValue(serial1904);
			sheet.getRow(0).getCell(0).setCellStyle(date);
		});

		assertThat(readAll(file, new SheetSelector.ByPosition(1)).get(0).cells()).containsExactly("2024-03-15");
	}

	@Test
	void formulasGiveTheirCachedResultAndErrorsTheTextExcelShows() throws Exception {
		Path file = xssfWorkbook(workbook -> {
			Row row = workbook.createSheet("Formulas").createRow(0);
			row.createCell(0).setCellFormula("1/0");
			row.createCell(1).setCellFormula("NA()");
			row.createCell(2).setCellFormula("2*3.25");
			row.createCell(3).setCellFormula("CONCATENATE(\"ab\",\"cd\")");
			row.createCell(4).setCellFormula("1>0");
			row.createCell(5).setCellFormula("1E10*3.2517500016");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		});

		assertThat(readAll(file, new SheetSelector.ByPosition(1)).get(0).cells()).containsExactly("#DIV/0!", "#N/A",
				"6.5", "abcd", "true", "32517500016");
	}

	@Test
	void stringsAndBooleansComeBackAsTheyAre() throws Exception {
		Path file = xssfWorkbook(workbook -> {
			Row row = workbook.createSheet("Text").createRow(0);
			row.createCell(0).setCellValue("  spaced  ");
			row.createCell(1).setCellValue("TRUE");
			row.createCell(2).setCellValue("ERROR:#N/A");
			row.createCell(3).setCellValue("00123");
			row.createCell(4).setCellValue(true);
			row.createCell(5).setCellValue(false);
		});

		assertThat(readAll(file, new SheetSelector.ByPosition(1)).get(0).cells()).containsExactly("  spaced  ", "TRUE",
				"ERROR:#N/A", "00123", "true", "false");
	}

	@Test
	void inlineStringsAreReadLikeSharedOnes() throws Exception {
		Path file = folder.resolve("inline.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream output = Files.newOutputStream(file)) {
			Row row = workbook.createSheet("Inline").createRow(0);
			row.createCell(0).setCellValue("Code commune");
			row.createCell(1).setCellValue("L'Abergement-Clémenciat");
			workbook.write(output);
		}

		assertThat(readAll(file, new SheetSelector.ByPosition(1)).get(0).cells()).containsExactly("Code commune",
				"L'Abergement-Clémenciat");
	}

	@Test
	void inlineStringsOfEveryFormAreReadAsPoiReadsThem() throws Exception {
		Path file = handBuiltWorkbook("inline-forms.xlsx", "<sheetData><row r=\"1\">"
				+ "<c r=\"A1\" t=\"inlineStr\"><is><r><t>Saint-</t></r><r><t xml:space=\"preserve\">Étienne </t></r></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>a_x000D_b</t></is></c>"
				+ "<c r=\"C1\" t=\"inlineStr\"><v>in v</v></c>" + "<c r=\"D1\" t=\"inlineStr\"></c>"
				+ "<c r=\"E1\"><v>5</v></c>" + "<c r=\"F1\" t=\"inlineStr\"><is><t></t></is></c>"
				+ "</row></sheetData>");

		assertThat(readAll(file, new SheetSelector.ByPosition(1)))
			.containsExactly(new XlsxRow(1, List.of("Saint-Étienne ", "a\rb", "in v", "", "5")));
	}

	@Test
	void emptyCellsAreBlankTrailingOnesTrimmedAndEmptyRowsSkipped() throws Exception {
		Path file = xssfWorkbook(workbook -> {
			Sheet sheet = workbook.createSheet("Gaps");
			CellStyle bold = workbook.createCellStyle();
			bold.setFont(workbook.createFont());
			Row first = sheet.createRow(0);
			first.createCell(0).setCellValue("a");
			first.createCell(2).setCellValue("c");
			first.createCell(3).setCellValue("");
			first.createCell(4).setCellStyle(bold);
			sheet.createRow(1).createCell(0).setCellStyle(bold);
			sheet.createRow(2).createCell(1).setCellValue("");
			sheet.createRow(4).createCell(1).setCellValue(7);
			for (int index = 5; index < 50; index++) {
				Row empty = sheet.createRow(index);
				empty.createCell(0).setCellStyle(bold);
				empty.createCell(3).setCellValue("");
			}
		});

		List<XlsxRow> rows = readAll(file, new SheetSelector.ByPosition(1));

		assertThat(rows).containsExactly(new XlsxRow(1, List.of("a", "", "c")), new XlsxRow(5, List.of("", "7")));
	}

	@Test
	void aMergedHeaderHasItsValueInItsFirstCellOnly() throws Exception {
		Path file = xssfWorkbook(workbook -> {
			Sheet sheet = workbook.createSheet("Merged");
			sheet.createRow(0).createCell(0).setCellValue("Populations");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
			Row values = sheet.createRow(1);
			values.createCell(0).setCellValue("a");
			values.createCell(2).setCellValue("c");
		});

		assertThat(readAll(file, new SheetSelector.ByPosition(1)))
			.containsExactly(new XlsxRow(1, List.of("Populations")), new XlsxRow(2, List.of("a", "", "c")));
	}

	@Test
	void aSheetWithoutStylesNorCellReferencesIsStillRead() throws Exception {
		Path file = handBuiltWorkbook("bare.xlsx",
				"<sheetData>" + "<row><c><v>3.2517500016E10</v></c><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
						+ "<row r=\"4\"><c r=\"B4\"><v>859.0</v></c><c><v>0.5</v></c></row>" + "</sheetData>");

		assertThat(readAll(file, new SheetSelector.ByPosition(1)))
			.containsExactly(new XlsxRow(1, List.of("32517500016", "x")), new XlsxRow(4, List.of("", "859", "0.5")));
	}

	@Test
	void whatTheConsumerThrowsReachesTheCallerUnchanged() throws Exception {
		Path file = xssfWorkbook(workbook -> workbook.createSheet("One").createRow(0).createCell(0).setCellValue(1));
		IllegalStateException thrown = new IllegalStateException("stop here");

		assertThatThrownBy(() -> XlsxSheetReader.read(file, new SheetSelector.ByPosition(1), row -> {
			throw thrown;
		})).isSameAs(thrown);
	}

	// ---------------------------------------------------------------- bad input

	@Test
	void aTextFileNamedXlsxIsNotAWorkbook() throws Exception {
		Path file = Files.writeString(folder.resolve("communes.xlsx"), "code;nom\n01001;L'Abergement\n", UTF_8);

		assertFailure(file, Code.NOT_A_WORKBOOK, "communes.xlsx", "not an .xlsx workbook");
	}

	@Test
	void aMissingOrEmptyFileIsNotAWorkbook() throws Exception {
		assertFailure(folder.resolve("absent.xlsx"), Code.NOT_A_WORKBOOK, "absent.xlsx", "does not exist");
		assertFailure(Files.createFile(folder.resolve("empty.xlsx")), Code.NOT_A_WORKBOOK, "empty.xlsx", "empty");
	}

	@Test
	void otherOfficeFilesAreNotWorkbooks() throws Exception {
		Path legacy = folder.resolve("legacy.xlsx");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream output = Files.newOutputStream(legacy)) {
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("x");
			workbook.write(output);
		}
		Path text = folder.resolve("letter.xlsx");
		try (XWPFDocument document = new XWPFDocument(); OutputStream output = Files.newOutputStream(text)) {
			document.createParagraph().createRun().setText("Bonjour");
			document.write(output);
		}
		Path plainZip = folder.resolve("archive.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plainZip))) {
			zip.putNextEntry(new ZipEntry("communes.csv"));
			zip.write("code;nom\n".getBytes(UTF_8));
		}

		assertFailure(legacy, Code.NOT_A_WORKBOOK, "legacy.xlsx", ".xls");
		assertFailure(text, Code.NOT_A_WORKBOOK, "letter.xlsx", "wordprocessingml");
		assertFailure(plainZip, Code.NOT_A_WORKBOOK, "archive.xlsx", "not an .xlsx workbook");
	}

	@Test
	void aTruncatedWorkbookIsCorrupt() throws Exception {
		Path whole = xssfWorkbook(workbook -> {
			Sheet sheet = workbook.createSheet("Data");
			for (int index = 0; index < 2000; index++) {
				sheet.createRow(index).createCell(0).setCellValue("row " + index);
			}
		});
		byte[] bytes = Files.readAllBytes(whole);
		Path truncated = Files.write(folder.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

		assertFailure(truncated, Code.CORRUPT, "truncated.xlsx", "truncated or damaged");
	}

	@Test
	void aWorkbookWithMalformedSheetXmlIsCorrupt() throws Exception {
		Path file = handBuiltWorkbook("malformed.xlsx", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>");

		assertFailure(file, Code.CORRUPT, "malformed.xlsx", "truncated or damaged");
	}

	@Test
	void aPasswordProtectedWorkbookIsEncrypted() throws Exception {
		Path plain = xssfWorkbook(
				workbook -> workbook.createSheet("Secret").createRow(0).createCell(0).setCellValue("hidden"));
		Path encrypted = folder.resolve("encrypted.xlsx");
		try (POIFSFileSystem container = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("territoire");
			try (OutputStream output = encryptor.getDataStream(container)) {
				Files.copy(plain, output);
			}
			try (OutputStream output = Files.newOutputStream(encrypted)) {
				container.writeFilesystem(output);
			}
		}

		assertFailure(encrypted, Code.ENCRYPTED, "encrypted.xlsx", "password-protected");
		assertThatThrownBy(() -> XlsxSheetReader.sheetNames(encrypted)).isInstanceOf(XlsxReadException.class)
			.extracting("code")
			.isEqualTo(Code.ENCRYPTED);
	}

	@Test
	void aZipBombIsRefused() throws Exception {
		Path file = handBuiltWorkbook("bomb.xlsx", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
				+ " ".repeat(30 * 1024 * 1024) + "</sheetData>");
		assertThat(Files.size(file)).as("compresses far beyond 100:1").isLessThan(300 * 1024);

		assertFailure(file, Code.ZIP_BOMB, "bomb.xlsx", "zip bomb");
	}

	@Test
	void recordsAndSelectorsRejectInvalidValues() {
		assertThatNullPointerException().isThrownBy(() -> new SheetSelector.ByName(null)).withMessage("name is null");
		assertThatThrownBy(() -> new SheetSelector.ByName(" ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SheetSelector.ByPosition(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatNullPointerException().isThrownBy(() -> new XlsxRow(1, null)).withMessage("cells is null");
		assertThatThrownBy(() -> new XlsxRow(0, List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThat(new XlsxRow(3, List.of("a")).cell(5)).isEmpty();
		assertThatNullPointerException().isThrownBy(() -> XlsxSheetReader.read(folder.resolve("x.xlsx"), null, row -> {
		})).withMessage("sheet is null");
	}

	// ---------------------------------------------------------------- helpers

	private static List<XlsxRow> readAll(Path file, SheetSelector sheet) throws XlsxReadException {
		List<XlsxRow> rows = new ArrayList<>();
		XlsxSheetReader.read(file, sheet, rows::add);
		return rows;
	}

	private static void assertFailure(Path file, Code code, String... messageParts) {
		XlsxReadException failure = catchThrowableOfType(XlsxReadException.class,
				() -> XlsxSheetReader.read(file, new SheetSelector.ByPosition(1), row -> {
				}));
		assertThat(failure).as("reading %s", file).isNotNull();
		assertThat(failure.code()).as(failure.getMessage()).isEqualTo(code);
		assertThat(failure.file()).isEqualTo(file);
		for (String part : messageParts) {
			assertThat(failure.getMessage()).containsIgnoringCase(part);
		}
	}

	private static void assumePresent(Path file) {
		assumeTrue(Files.isReadable(file), () -> "Skipped: the shared data file " + file + " is not on this machine");
	}

	private Path xssfWorkbook(Consumer<Workbook> filler) throws IOException {
		Path file = Files.createTempFile(folder, "workbook", ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream output = Files.newOutputStream(file)) {
			filler.accept(workbook);
			workbook.write(output);
		}
		return file;
	}

	/**
	 * Writes the smallest .xlsx Excel accepts: no styles, no shared strings, one sheet
	 * with this content.
	 */
	private Path handBuiltWorkbook(String name, String sheetContent) throws IOException {
		Path file = folder.resolve(name);
		String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
		String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
					+ "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
					+ "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
					+ "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/"
					+ "sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
					+ "worksheet+xml\"/></Types>");
			entry(zip, "_rels/.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
							+ "relationships\"><Relationship Id=\"rId1\" Type=\"" + relationships + "/officeDocument\""
							+ " Target=\"xl/workbook.xml\"/></Relationships>");
			entry(zip, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relationships + "\">"
					+ "<sheets><sheet name=\"Only\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/"
							+ "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + relationships
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
			entry(zip, "xl/worksheets/sheet1.xml",
					"<worksheet xmlns=\"" + main + "\"><dimension ref=\"A1\"/>" + sheetContent + "</worksheet>");
		}
		return file;
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(UTF_8));
		zip.closeEntry();
	}

	private static void resetHeapPeaks() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long heapPeakBytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
