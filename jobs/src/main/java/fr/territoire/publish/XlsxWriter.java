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
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a query's rows as an XLSX workbook for spreadsheet users, streaming with
 * fastexcel: rows are flushed to the file every {@value #FLUSH_EVERY} rows and texts are
 * written inline (no shared-string table growing in memory); the DuckDB result set is
 * read forward once (DuckDB cannot write XLSX without an extension, which is never
 * installed). Texts are text cells (codes keep their leading zeros), numbers numeric
 * cells, dates date cells shown as {@code yyyy-mm-dd}, booleans boolean cells, nulls
 * empty; the first row holds the column names, bold and frozen.
 */
final class XlsxWriter {

	/** Rows of a table above which no workbook is written (a sheet holds 1,048,576). */
	static final long MAX_ROWS = 1_000_000;

	private static final int FLUSH_EVERY = 5_000;

	private XlsxWriter() {
	}

	/**
	 * Writes the rows of the query to the file, one sheet named after it.
	 * @return the data rows written
	 */
	static long write(Connection connection, String query, String sheetName, Path file) throws IOException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query);
				OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "Territoire", "1.0");
			Worksheet sheet = workbook.newWorksheet(sheetName);
			ResultSetMetaData meta = rows.getMetaData();
			int columns = meta.getColumnCount();
			int[] types = new int[columns + 1];
			for (int column = 1; column <= columns; column++) {
				sheet.inlineString(0, column - 1, meta.getColumnLabel(column));
				types[column] = meta.getColumnType(column);
			}
			sheet.range(0, 0, 0, columns - 1).style().bold().set();
			sheet.freezePane(0, 1);
			int written = 0;
			while (rows.next()) {
				written++;
				for (int column = 1; column <= columns; column++) {
					write(sheet, rows, written, column, types[column]);
				}
				if (written % FLUSH_EVERY == 0) {
					sheet.flush();
				}
			}
			workbook.finish();
			return written;
		}
		catch (SQLException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"write " + file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	private static void write(Worksheet sheet, ResultSet rows, int row, int column, int type) throws SQLException {
		Object value = rows.getObject(column);
		if (value == null) {
			return;
		}
		int cell = column - 1;
		switch (type) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DOUBLE, Types.FLOAT, Types.REAL,
					Types.DECIMAL, Types.NUMERIC ->
				sheet.value(row, cell, (Number) value);
			case Types.BOOLEAN, Types.BIT -> sheet.value(row, cell, (Boolean) value);
			case Types.DATE -> {
				sheet.value(row, cell, rows.getDate(column).toLocalDate());
				sheet.style(row, cell).format("yyyy-mm-dd").set();
			}
			default -> sheet.inlineString(row, cell, value.toString());
		}
	}

}
