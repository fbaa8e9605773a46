package fr.territoire.query;

import java.io.PrintWriter;
import java.util.List;

/**
 * A read-only session on a warehouse for ad-hoc SQL: what {@code territoire sql} and its
 * interactive shell talk to. Implementations decide what a reader may see and do.
 */
public interface QuerySession extends AutoCloseable {

	/**
	 * Runs one statement and prints its result.
	 * @param sql one SQL statement
	 * @param printer how to print the result
	 * @param out where to print
	 * @return the rows printed
	 * @throws fr.territoire.error.TerritoireException with code {@code BAD_QUERY} when
	 * the statement is refused (syntax, unknown table, forbidden operation, timeout)
	 */
	long execute(String sql, ResultPrinter printer, PrintWriter out);

	/** The tables and views this reader may query, as {@code schema.name}, sorted. */
	List<String> tables();

	/** The columns of a table this reader may query, in order; empty if unknown. */
	List<String> columns(String table);

	@Override
	void close();

}
