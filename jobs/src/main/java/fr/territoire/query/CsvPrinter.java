package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * RFC 4180 CSV, streamed row by row: a header, then one line per row, lines ending with
 * {@code \n}; a value holding a comma, a quote, a line feed or a carriage return is
 * quoted; null is an empty field; numbers are in plain decimal form (see {@link Values}).
 */
final class CsvPrinter implements ResultPrinter {

	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		StringBuilder line = new StringBuilder();
		for (int i = 1; i <= columns; i++) {
			line.append((i > 1) ? "," : "").append(field(result.getMetaData().getColumnLabel(i)));
		}
		out.append(line).append('\n');
		long rows = 0;
		while (result.next()) {
			line.setLength(0);
			for (int i = 1; i <= columns; i++) {
				Object value = result.getObject(i);
				line.append((i > 1) ? "," : "").append((value != null) ? field(Values.text(value)) : "");
			}
			out.append(line).append('\n');
			rows++;
		}
		return rows;
	}

	private static String field(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return "\"" + value.replace("\"", "\"\"") + "\"";
			}
		}
		return value;
	}

}
