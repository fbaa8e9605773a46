package fr.territoire.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.territoire.secrecy.SecondarySuppression;
import fr.territoire.secrecy.SuppressionMethod;
import fr.territoire.secrecy.SuppressionResult;
import fr.territoire.warehouse.Sql;

/**
 * Secondary suppression side by side with its baseline, in the same run, on a copy of a
 * nightly's warehouse (see {@code bench/secrecy.sh}): for each protected table and
 * period, the secondary cells are cleared and chosen again by the baseline
 * ({@code smallest_cell}: the smallest other cell of each exposed relation, until stable)
 * and by ours ({@code gaussian}), with the suppressed cells, the information loss and the
 * time of each.
 */
public final class SecrecyBenchmark {

	private SecrecyBenchmark() {
	}

	/** One method's result on one table. */
	public record Measured(SuppressionMethod method, SuppressionResult result) {

		double lossPercent() {
			return (this.result.publishedValue() > 0)
					? 100 * this.result.suppressedValue() / this.result.publishedValue() : 0;
		}

	}

	public static List<Measured> run(Path warehouse, Path work, double interval, PrintWriter out)
			throws IOException, SQLException {
		Files.createDirectories(work);
		Path copy = work.resolve("secrecy-benchmark.duckdb");
		Files.copy(warehouse, copy, StandardCopyOption.REPLACE_EXISTING);
		List<Measured> measured = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + copy)) {
			Sql.execute(connection, "limit memory as the nightly", "SET memory_limit = '2GB'");
			Sql.execute(connection, "use two threads as the nightly", "SET threads = 2");
			List<List<String>> parts = Sql.queryRows(connection,
					"SELECT table_id, CAST(period AS VARCHAR), count(*) FROM mart.secrecy_cell GROUP BY ALL ORDER BY ALL");
			out.printf(Locale.ROOT, "%-18s %6s %-13s %9s %9s %8s %9s %9s %8s%n", "table", "period", "method", "cells",
					"published", "primary", "secondary", "loss_%", "seconds");
			for (List<String> part : parts) {
				for (SuppressionMethod method : List.of(SuppressionMethod.SMALLEST_CELL, SuppressionMethod.GAUSSIAN)) {
					Sql.execute(connection, "clear the secondary cells",
							"UPDATE mart.secrecy_cell SET status = 'ok' WHERE status = 'secret_secondary'");
					SuppressionResult result = SecondarySuppression.protect(connection, part.get(0),
							Integer.parseInt(part.get(1)), method, interval);
					Measured one = new Measured(method, result);
					measured.add(one);
					out.printf(Locale.ROOT, "%-18s %6d %-13s %9d %9d %8d %9d %9.3f %8.1f%n", result.tableId(),
							result.period(), method.name().toLowerCase(Locale.ROOT), result.cells(),
							result.publishedCells(), result.primary(), result.secondary(), one.lossPercent(),
							result.elapsed().toMillis() / 1000.0);
					out.flush();
				}
			}
		}
		finally {
			Files.deleteIfExists(copy);
			Files.deleteIfExists(work.resolve("secrecy-benchmark.duckdb.wal"));
		}
		return measured;
	}

}
