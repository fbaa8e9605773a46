package fr.territoire.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XLSX distribution of a table: codes stay text with their leading zeros, numbers are
 * numeric cells, dates date cells, nulls empty; the same rows written twice give the same
 * bytes (the creation time is the run's, not the clock's).
 */
class XlsxWriterTests {

	private static final String QUERY = """
			SELECT * FROM (VALUES ('01053', 42::BIGINT, 12.5::DOUBLE, DATE '2024-03-22', NULL::VARCHAR),
			                      ('2A004', 7::BIGINT, NULL::DOUBLE, NULL::DATE, 'x'))
			  AS t(commune_code, establishments, density, stock_date, note)""";

	@Test
	void writesTypedCellsAndTheSameBytesForTheSameRows(@TempDir Path folder) throws Exception {
		Instant created = Instant.parse("2026-11-20T00:00:00Z");
		Path first = folder.resolve("first.xlsx");
		Path second = folder.resolve("second.xlsx");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			assertThat(XlsxWriter.write(connection, QUERY, "communes", first, created)).isEqualTo(2);
			Thread.sleep(1100);
			assertThat(XlsxWriter.write(connection, QUERY, "communes", second, created)).isEqualTo(2);
		}
		assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
		assertThat(folder.resolve("first.xlsx.tmp")).doesNotExist();

		try (XSSFWorkbook workbook = new XSSFWorkbook(first.toFile())) {
			assertThat(workbook.getProperties().getCoreProperties().getCreated().toInstant()).isEqualTo(created);
			Sheet sheet = workbook.getSheet("communes");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("commune_code");
			assertThat(header.getCell(4).getStringCellValue()).isEqualTo("note");
			Row ain = sheet.getRow(1);
			assertThat(ain.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(ain.getCell(0).getStringCellValue()).isEqualTo("01053");
			assertThat(ain.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(ain.getCell(1).getNumericCellValue()).isEqualTo(42.0);
			assertThat(ain.getCell(2).getNumericCellValue()).isEqualTo(12.5);
			assertThat(ain.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 22));
			assertThat(ain.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
			assertThat(ain.getCell(4)).isNull();
			Row corse = sheet.getRow(2);
			assertThat(corse.getCell(0).getStringCellValue()).isEqualTo("2A004");
			assertThat(corse.getCell(2)).isNull();
			assertThat(corse.getCell(4).getStringCellValue()).isEqualTo("x");
		}
	}

}
