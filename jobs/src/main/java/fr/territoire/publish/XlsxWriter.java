package fr.territoire.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
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

	private static final String CORE_PROPERTIES = "docProps/core.xml";

	private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");

	private XlsxWriter() {
	}

	/**
	 * Writes the rows of the query to the file, one sheet named after it.
	 * @return the data rows written
	 */
	static long write(Connection connection, String query, String sheetName, Path file, Instant created)
			throws IOException {
		Path written = file.resolveSibling(file.getFileName() + ".tmp");
		long rows = writeRows(connection, query, sheetName, written);
		withCreationTime(written, file, created);
		Files.delete(written);
		return rows;
	}

	private static long writeRows(Connection connection, String query, String sheetName, Path file) throws IOException {
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

	/**
	 * Copies the workbook, its parts untouched (raw, not compressed again), but for the
	 * creation time of its document properties, which fastexcel sets to the time of
	 * writing: the run's date instead, so that the same data give the same bytes (a
	 * resumed run publishes what an uninterrupted one does).
	 */
	private static void withCreationTime(Path source, Path target, Instant created) throws IOException {
		try (ZipFile zip = ZipFile.builder().setPath(source).get();
				ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
			for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
				if (entry.getName().equals(CORE_PROPERTIES)) {
					String xml;
					try (InputStream in = zip.getInputStream(entry)) {
						xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					}
					byte[] fixed = CREATED.matcher(xml)
						.replaceFirst("$1" + Matcher.quoteReplacement(created.toString()) + "$2")
						.getBytes(StandardCharsets.UTF_8);
					ZipArchiveEntry rewritten = new ZipArchiveEntry(entry.getName());
					rewritten.setTime(entry.getTime());
					out.putArchiveEntry(rewritten);
					out.write(fixed);
					out.closeArchiveEntry();
				}
				else {
					out.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
				}
			}
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
