package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table with a row count, streamed in constant memory: column widths are
 * taken from the header and the first {@value #SAMPLE} rows, then every row is printed as
 * it is read; a value wider than its column (or than {@value #MAX_WIDTH} characters) is
 * cut and ends with {@code …}. Line feeds, carriage returns and tabs are printed
 * {@code \n}, {@code \r}, {@code \t} so that a row stays on one line; null is
 * {@code NULL}; numbers are right-aligned. Columns are separated by two spaces, the
 * header underlined with dashes.
 */
final class TablePrinter implements ResultPrinter {

	/** The rows read before the column widths are fixed. */
	static final int SAMPLE = 1000;

	/** The widest a column gets. */
	static final int MAX_WIDTH = 60;

	private final int sample;

	TablePrinter() {
		this(SAMPLE);
	}

	TablePrinter(int sample) {
		this.sample = sample;
	}

	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		String[] names = new String[columns];
		boolean[] numeric = new boolean[columns];
		int[] widths = new int[columns];
		for (int i = 0; i < columns; i++) {
			names[i] = escape(result.getMetaData().getColumnLabel(i + 1));
			widths[i] = Math.max(1, Math.min(names[i].length(), MAX_WIDTH));
			numeric[i] = Values.isNumeric(result.getMetaData(), i + 1);
		}
		List<String[]> first = new ArrayList<>();
		boolean more = result.next();
		while (more && first.size() < this.sample) {
			String[] row = row(result, columns);
			for (int i = 0; i < columns; i++) {
				widths[i] = Math.max(widths[i], Math.min(row[i].length(), MAX_WIDTH));
			}
			first.add(row);
			more = result.next();
		}
		StringBuilder line = new StringBuilder();
		boolean[] left = new boolean[columns];
		line(names, widths, left, line, out);
		for (int width : widths) {
			line.append("-".repeat(width)).append("  ");
		}
		end(line, out);
		for (String[] row : first) {
			line(row, widths, numeric, line, out);
		}
		long rows = first.size();
		first.clear();
		while (more) {
			line(row(result, columns), widths, numeric, line, out);
			rows++;
			more = result.next();
		}
		out.append('(').append(Long.toString(rows)).append(" rows)\n");
		return rows;
	}

	private static String[] row(ResultSet result, int columns) throws SQLException {
		String[] row = new String[columns];
		for (int i = 0; i < columns; i++) {
			Object value = result.getObject(i + 1);
			row[i] = (value != null) ? escape(Values.text(value)) : "NULL";
		}
		return row;
	}

	private static void line(String[] values, int[] widths, boolean[] right, StringBuilder line, PrintWriter out) {
		for (int i = 0; i < widths.length; i++) {
			String value = values[i];
			int width = widths[i];
			if (value.length() > width) {
				line.append(value, 0, width - 1).append('…');
			}
			else if (right[i]) {
				pad(line, width - value.length()).append(value);
			}
			else {
				pad(line.append(value), width - value.length());
			}
			line.append("  ");
		}
		end(line, out);
	}

	private static StringBuilder pad(StringBuilder line, int spaces) {
		for (int i = 0; i < spaces; i++) {
			line.append(' ');
		}
		return line;
	}

	private static void end(StringBuilder line, PrintWriter out) {
		int end = line.length();
		while (end > 0 && line.charAt(end - 1) == ' ') {
			end--;
		}
		line.setLength(end);
		out.append(line).append('\n');
		line.setLength(0);
	}

	/** A value on one line: line feeds, carriage returns and tabs as escapes. */
	static String escape(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\n' || c == '\r' || c == '\t') {
				return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
			}
		}
		return value;
	}

}
