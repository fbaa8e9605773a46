package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table with a row count. Column widths are taken from the whole result,
 * which is therefore held in memory.
 */
final class TablePrinter implements ResultPrinter {

	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= columns; i++) {
			names.add(result.getMetaData().getColumnLabel(i));
		}
		List<List<String>> rows = new ArrayList<>();
		while (result.next()) {
			List<String> row = new ArrayList<>();
			for (int i = 1; i <= columns; i++) {
				Object value = result.getObject(i);
				row.add((value != null) ? value.toString() : null);
			}
			rows.add(row);
		}
		int[] widths = new int[columns];
		for (int i = 0; i < columns; i++) {
			widths[i] = names.get(i).length();
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
			}
		}
		line(names, widths, out);
		StringBuilder rule = new StringBuilder();
		for (int width : widths) {
			rule.append("-".repeat(width)).append("  ");
		}
		out.println(rule.toString().stripTrailing());
		rows.forEach((row) -> line(row.stream().map(String::valueOf).toList(), widths, out));
		out.println("(" + rows.size() + " rows)");
		return rows.size();
	}

	private static void line(List<String> values, int[] widths, PrintWriter out) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			text.append(String.format("%-" + widths[i] + "s  ", values.get(i)));
		}
		out.println(text.toString().stripTrailing());
	}

}
