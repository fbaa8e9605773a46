package fr.territoire.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Prints a query result in one format. One class per format, chosen by
 * {@link #of(OutputFormat)}.
 */
public interface ResultPrinter {

	/**
	 * Prints every row of a result.
	 * @param result the result, positioned before its first row
	 * @param out where to print
	 * @return the rows printed
	 * @throws SQLException when reading the result fails
	 */
	long print(ResultSet result, PrintWriter out) throws SQLException;

	/** The printer of a format. */
	static ResultPrinter of(OutputFormat format) {
		return switch (format) {
			case TABLE -> new TablePrinter();
			case CSV -> new CsvPrinter();
			case JSON -> new JsonPrinter();
			case MARKDOWN -> new MarkdownPrinter();
		};
	}

}
