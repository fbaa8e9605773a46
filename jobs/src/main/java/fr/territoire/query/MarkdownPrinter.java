package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A Markdown table, streamed row by row; pipes and line breaks in values are escaped,
 * null is an empty cell, values are printed as {@link Values} says.
 */
final class MarkdownPrinter implements ResultPrinter {

	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		StringBuilder header = new StringBuilder("|");
		StringBuilder rule = new StringBuilder("|");
		for (int i = 1; i <= columns; i++) {
			header.append(' ').append(cell(result.getMetaData().getColumnLabel(i))).append(" |");
			rule.append(" --- |");
		}
		out.append(header).append('\n');
		out.append(rule).append('\n');
		long rows = 0;
		StringBuilder line = new StringBuilder();
		while (result.next()) {
			line.setLength(0);
			line.append('|');
			for (int i = 1; i <= columns; i++) {
				Object value = result.getObject(i);
				line.append(' ').append((value != null) ? cell(Values.text(value)) : "").append(" |");
			}
			out.append(line).append('\n');
			rows++;
		}
		return rows;
	}

	private static String cell(String value) {
		return value.replace("\\", "\\\\")
			.replace("|", "\\|")
			.replace("\r\n", "<br>")
			.replace("\n", "<br>")
			.replace("\r", "<br>");
	}

}
