package fr.territoire.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a query's rows as an XLSX workbook for spreadsheet users, streaming: POI's
 * {@link SXSSFWorkbook} keeps a window of rows in memory and the DuckDB result set is
 * read forward once (DuckDB cannot write XLSX without an extension, which is never
 * installed). Texts are text cells (codes keep their leading zeros), numbers numeric
 * cells, dates date cells shown as {@code yyyy-mm-dd}, booleans boolean cells, nulls
 * empty; the first row holds the column names, frozen.
 */
final class XlsxWriter {

	/** Rows of a table above which no workbook is written (a sheet holds 1,048,576). */
	static final long MAX_ROWS = 1_000_000;

	private static final int WINDOW = 200;

	private XlsxWriter() {
	}

	/**
	 * Writes the rows of the query to the file, one sheet named after it.
	 * @return the data rows written
	 */
	static long write(Connection connection, String query, String sheetName, Path file) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			SXSSFSheet sheet = workbook.createSheet(sheetName);
			ResultSetMetaData meta = rows.getMetaData();
			int columns = meta.getColumnCount();
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			Row names = sheet.createRow(0);
			for (int column = 1; column <= columns; column++) {
				Cell cell = names.createCell(column - 1);
				cell.setCellValue(meta.getColumnLabel(column));
				cell.setCellStyle(header);
			}
			sheet.createFreezePane(0, 1);
			int[] types = new int[columns + 1];
			for (int column = 1; column <= columns; column++) {
				types[column] = meta.getColumnType(column);
			}
			long written = 0;
			while (rows.next()) {
				Row row = sheet.createRow((int) (written + 1));
				for (int column = 1; column <= columns; column++) {
					write(rows, column, types[column], row, date);
				}
				written++;
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
			return written;
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"write " + file.getFileName() + ": " + ex.getMessage(), ex);
		}
		finally {
			workbook.close();
		}
	}

	private static void write(ResultSet rows, int column, int type, Row row, CellStyle date) throws SQLException {
		Object value = rows.getObject(column);
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column - 1);
		switch (type) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DOUBLE, Types.FLOAT, Types.REAL,
					Types.DECIMAL, Types.NUMERIC ->
				cell.setCellValue(((Number) value).doubleValue());
			case Types.BOOLEAN, Types.BIT -> cell.setCellValue((Boolean) value);
			case Types.DATE -> {
				cell.setCellValue(rows.getDate(column).toLocalDate());
				cell.setCellStyle(date);
			}
			default -> cell.setCellValue(value.toString());
		}
	}

}
