package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * RFC 4180 CSV, streamed row by row: a header, then one line per row; a value holding a
 * comma, a quote or a line break is quoted; null is an empty field.
 */
final class CsvPrinter implements ResultPrinter {

	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		StringBuilder line = new StringBuilder();
		for (int i = 1; i <= columns; i++) {
			line.append((i > 1) ? "," : "").append(field(result.getMetaData().getColumnLabel(i)));
		}
		out.println(line);
		long rows = 0;
		while (result.next()) {
			line.setLength(0);
			for (int i = 1; i <= columns; i++) {
				Object value = result.getObject(i);
				line.append((i > 1) ? "," : "").append((value != null) ? field(value.toString()) : "");
			}
			out.println(line);
			rows++;
		}
		return rows;
	}

	private static String field(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
