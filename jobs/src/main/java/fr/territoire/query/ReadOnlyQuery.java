package fr.territoire.query;

import java.io.PrintWriter;
import java.nio.file.Path;

import fr.territoire.config.TerritoireProperties;

/**
 * One read-only query on the last good warehouse, printed in a format.
 */
public final class ReadOnlyQuery {

	private ReadOnlyQuery() {
	}

	/** Runs a query and prints its result in the given format. */
	public static void run(Path warehouse, String sql, OutputFormat format, PrintWriter out) {
		try (QuerySession session = WarehouseQuerySession.open(warehouse,
				new TerritoireProperties.Warehouse("1GB", 2))) {
			session.execute(sql, ResultPrinter.of(format), out);
		}
		out.flush();
	}

}
