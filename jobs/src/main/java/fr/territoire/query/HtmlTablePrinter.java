package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * An HTML {@code
 *
<table>
 * } of at most a number of rows, then a paragraph {@code … and M more rows} when the
 * result has more. Text is escaped; number cells have the class {@code n} (right-aligned
 * by the page's style) and are printed as {@link Values} says (never {@code 6.780845E7});
 * null is an empty cell. Memory is constant: the rows beyond the limit are counted, not
 * kept.
 */
public final class HtmlTablePrinter implements ResultPrinter {

	private final int maxRows;

	/**
	 * A printer of at most {@code maxRows} rows.
	 * @param maxRows the rows printed, at least 0
	 */
	public HtmlTablePrinter(int maxRows) {
		if (maxRows < 0) {
			throw new IllegalArgumentException("maxRows must be at least 0, not " + maxRows);
		}
		this.maxRows = maxRows;
	}

	/**
	 * Prints a result.
	 * @return the rows of the result, printed or counted
	 */
	@Override
	public long print(ResultSet result, PrintWriter out) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		boolean[] numeric = new boolean[columns];
		out.append("<table><tr>");
		for (int i = 0; i < columns; i++) {
			numeric[i] = Values.isNumeric(result.getMetaData(), i + 1);
			out.append("<th>").append(escape(result.getMetaData().getColumnLabel(i + 1))).append("</th>");
		}
		out.append("</tr>");
		long rows = 0;
		while (result.next()) {
			if (rows < this.maxRows) {
				out.append("<tr>");
				for (int i = 0; i < columns; i++) {
					Object value = result.getObject(i + 1);
					cell((value != null) ? Values.text(value) : "", numeric[i], out);
				}
				out.append("</tr>");
			}
			rows++;
		}
		end(rows, out);
		return rows;
	}

	/**
	 * Prints rows that are not a query result, the same way: numbers ({@link Number})
	 * right-aligned, null as an empty cell.
	 * @param names the column names
	 * @param rows the rows, each as many values as names
	 * @param out where to print
	 * @return the rows
	 */
	public long print(List<String> names, List<? extends List<?>> rows, PrintWriter out) {
		out.append("<table><tr>");
		names.forEach((name) -> out.append("<th>").append(escape(name)).append("</th>"));
		out.append("</tr>");
		long count = 0;
		for (List<?> row : rows) {
			if (count < this.maxRows) {
				out.append("<tr>");
				for (Object value : row) {
					try {
						cell((value != null) ? Values.text(value) : "", value instanceof Number, out);
					}
					catch (SQLException ex) {
						throw new IllegalArgumentException("not a plain value: " + value, ex);
					}
				}
				out.append("</tr>");
			}
			count++;
		}
		end(count, out);
		return count;
	}

	private void end(long rows, PrintWriter out) {
		out.append("</table>");
		if (rows > this.maxRows) {
			long more = rows - this.maxRows;
			out.append("<p>… and ").append(Long.toString(more)).append((more > 1) ? " more rows</p>" : " more row</p>");
		}
	}

	private static void cell(String text, boolean number, PrintWriter out) {
		out.append(number ? "<td class=\"n\">" : "<td>").append(escape(text)).append("</td>");
	}

	/** Text escaped for HTML content and attribute values. */
	public static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

}
