package fr.territoire.ingest.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class XlsxSheetReaderTests {

	static final Path POPULATIONS = Path.of(System.getProperty("territoire.project-dir", ".."))
		.resolve("samples/populations/ensemble_2025_populations_reference_2022.xlsx");

	@TempDir
	Path folder;

	@Test
	void streamsInseeCommunesSheetDespiteTitleRowsAndWrongDimension() throws Exception {
		List<XlsxRow> rows = new ArrayList<>();
		XlsxSheetReader.read(POPULATIONS, new SheetSelector.ByName("Communes"), rows::add);
		XlsxRow header = rows.stream().filter((row) -> row.rowNumber() == 8).findFirst().orElseThrow();
		assertThat(header.cells()).startsWith("Code région", "Nom de la région", "Code département",
				"Code arrondissement", "Code canton", "Code commune", "Nom de la commune", "Population municipale");
		List<XlsxRow> communes = rows.stream().filter((row) -> row.rowNumber() > 8).toList();
		// rows 9 to 34972 of the sheet: 34,964 communes (PROVENANCE.md), then one empty
		// row that is skipped
		assertThat(communes).hasSize(34_964);
		assertThat(communes.get(0).rowNumber()).isEqualTo(9);
		assertThat(communes.get(0).cells()).containsSubsequence("01", "001", "L' Abergement-Clémenciat", "859", "16",
				"875");
	}

	@Test
	void listsSheetNamesInOrder() throws Exception {
		assertThat(XlsxSheetReader.sheetNames(POPULATIONS)).startsWith("Régions", "Départements", "Arrondissements")
			.contains("Communes")
			.hasSize(9);
	}

	@Test
	void givesNumbersAsPlainDigitsDatesAsIsoAndErrorsAsText() throws Exception {
		Path file = this.folder.resolve("values.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = workbook.createSheet("Data");
			XSSFRow row = sheet.createRow(0);
			row.createCell(0).setCellValue(3.2517500016E10);
			row.createCell(1).setCellValue(12.5);
			XSSFCellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			row.createCell(2).setCellValue(LocalDate.of(2024, 3, 15));
			row.getCell(2).setCellStyle(dateStyle);
			row.createCell(3).setCellFormula("1/0");
			row.createCell(5).setCellValue(" padded ");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			sheet.createRow(3).createCell(0).setCellValue("");
			workbook.write(out);
		}
		List<XlsxRow> rows = new ArrayList<>();
		XlsxSheetReader.read(file, new SheetSelector.ByPosition(1), rows::add);
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.rowNumber()).isEqualTo(1);
			assertThat(row.cells()).containsExactly("32517500016", "12.5", "2024-03-15", "#DIV/0!", "", "padded");
		});
	}

	@Test
	void refusesUnknownSheetListingAvailableOnes() {
		assertThatExceptionOfType(XlsxReadException.class)
			.isThrownBy(() -> XlsxSheetReader.read(POPULATIONS, new SheetSelector.ByName("Commune"), (row) -> {
			}))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(XlsxReadException.Code.SHEET_NOT_FOUND);
				assertThat(ex.getMessage()).contains("has no sheet 'Commune'").contains("Communes");
			});
	}

	@Test
	void refusesTextFileNamedXlsx() throws IOException {
		Path file = this.folder.resolve("fake.xlsx");
		Files.writeString(file, "siret;nom\n123;x\n");
		assertThatExceptionOfType(XlsxReadException.class)
			.isThrownBy(() -> XlsxSheetReader.read(file, new SheetSelector.ByPosition(1), (row) -> {
			}))
			.satisfies((ex) -> assertThat(ex.code()).isIn(XlsxReadException.Code.NOT_A_WORKBOOK,
					XlsxReadException.Code.CORRUPT));
	}

	@Test
	void refusesTruncatedWorkbook() throws IOException {
		Path file = this.folder.resolve("truncated.xlsx");
		byte[] bytes = Files.readAllBytes(POPULATIONS);
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertThatExceptionOfType(XlsxReadException.class)
			.isThrownBy(() -> XlsxSheetReader.read(file, new SheetSelector.ByName("Communes"), (row) -> {
			}))
			.satisfies((ex) -> {
				assertThat(ex.code()).isIn(XlsxReadException.Code.NOT_A_WORKBOOK, XlsxReadException.Code.CORRUPT);
				assertThat(ex.getMessage()).contains("truncated.xlsx");
			});
	}

	@Test
	void refusesPasswordProtectedWorkbook() throws Exception {
		Path plain = this.folder.resolve("plain.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
			workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("secret");
			workbook.write(out);
		}
		Path encrypted = this.folder.resolve("protected.xlsx");
		try (POIFSFileSystem filesystem = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("password");
			try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
					OutputStream out = encryptor.getDataStream(filesystem)) {
				opc.save(out);
			}
			try (OutputStream out = Files.newOutputStream(encrypted)) {
				filesystem.writeFilesystem(out);
			}
		}
		assertThatExceptionOfType(XlsxReadException.class)
			.isThrownBy(() -> XlsxSheetReader.read(encrypted, new SheetSelector.ByPosition(1), (row) -> {
			}))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(XlsxReadException.Code.ENCRYPTED);
				assertThat(ex.getMessage()).contains("protected.xlsx").contains("password");
			});
	}

	@Test
	void refusesZipBomb() throws IOException {
		Path plain = this.folder.resolve("plain.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
			workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("x");
			workbook.write(out);
		}
		// the same workbook whose sheet holds 50 MB of blanks: compressed about 1000 to 1
		Path file = this.folder.resolve("bomb.xlsx");
		try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(plain));
				var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
					xml = xml.replace("<sheetData>", "<sheetData>" + " ".repeat(50_000_000));
					content = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				out.write(content);
				out.closeEntry();
			}
		}
		assertThatExceptionOfType(XlsxReadException.class)
			.isThrownBy(() -> XlsxSheetReader.read(file, new SheetSelector.ByPosition(1), (row) -> {
			}))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(XlsxReadException.Code.ZIP_BOMB);
				assertThat(ex.getMessage()).contains("bomb.xlsx");
			});
	}

}
