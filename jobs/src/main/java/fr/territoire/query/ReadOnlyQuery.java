package fr.territoire.query;

import java.io.PrintWriter;

import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;

/**
 * One read-only query on the last good warehouse (or on a failed run's), printed in a
 * format.
 */
public final class ReadOnlyQuery {

	private ReadOnlyQuery() {
	}

	/**
	 * Runs a query and prints its result in the given format.
	 * @param home the home folder
	 * @param settings bounds and layers
	 * @param failedRun whether to read the warehouse a failed run kept instead of the
	 * last good one
	 * @param sql one read statement
	 * @param format the output format
	 * @param out where to print
	 */
	public static void run(TerritoireHome home, TerritoireProperties.Query settings, boolean failedRun, String sql,
			OutputFormat format, PrintWriter out) {
		try (QuerySession session = failedRun ? WarehouseQuerySession.openFailedRun(home, settings)
				: WarehouseQuerySession.openCurrent(home, settings)) {
			session.execute(sql, ResultPrinter.of(format), out);
		}
		out.flush();
	}

}
