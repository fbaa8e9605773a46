package fr.territoire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import fr.territoire.benchmark.CsvMappingBenchmark;
import fr.territoire.benchmark.SecrecyBenchmark;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.Warehouses;
import org.duckdb.DuckDBConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code territoire bench}: benchmarks and their baselines. {@code copy} is the baseline
 * of the SIRENE benchmark (see {@code bench/sirene.sh}): bare DuckDB {@code COPY} of a
 * CSV into a table of text columns, with the same DuckDB, memory limit and threads as the
 * nightly. {@code csv-mapping} measures a CSV through a declarative mapping against bare
 * DuckDB {@code read_csv} in the same run. Figures go to {@code docs/benchmarks.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Benchmarks and their baselines (see docs/benchmarks.md).",
		subcommands = { BenchCommand.Copy.class, BenchCommand.CsvMapping.class, BenchCommand.Secrecy.class })
class BenchCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
				"say which benchmark: copy, csv-mapping or secrecy");
	}

	/** {@code territoire bench copy --csv FILE --database FILE}. */
	@Command(name = "copy", mixinStandardHelpOptions = true,
			description = "Times bare DuckDB COPY of a CSV (header, comma) into a table of VARCHAR columns.")
	static class Copy implements Callable<Integer> {

		@Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file.")
		Path csv = Path.of("");

		@Option(names = "--database", required = true, paramLabel = "FILE",
				description = "A DuckDB file to create (deleted afterwards).")
		Path database = Path.of("");

		@Option(names = "--memory-limit", paramLabel = "SIZE",
				description = "DuckDB memory_limit (default: ${DEFAULT-VALUE}, as territoire.warehouse.memory-limit).")
		String memoryLimit = "2GB";

		@Option(names = "--threads", paramLabel = "N",
				description = "DuckDB threads (default: ${DEFAULT-VALUE}, as territoire.warehouse.threads).")
		int threads = 2;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			Warehouses.delete(this.database);
			String header;
			try (var lines = Files.lines(this.csv)) {
				header = lines.findFirst().orElseThrow();
			}
			String columns = java.util.Arrays.stream(header.split(","))
				.map((name) -> Sql.identifier(name.strip()) + " VARCHAR")
				.collect(Collectors.joining(", "));
			long rows;
			long started;
			long elapsed;
			try (DuckDBConnection connection = Warehouses.open(this.database, false,
					new TerritoireProperties.Warehouse(this.memoryLimit, this.threads))) {
				Sql.execute(connection, "create table", "CREATE TABLE stock (" + columns + ")");
				started = System.nanoTime();
				Sql.execute(connection, "copy", "COPY stock FROM " + Sql.literal(this.csv.toAbsolutePath().toString())
						+ " (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')");
				Sql.execute(connection, "checkpoint", "CHECKPOINT");
				elapsed = System.nanoTime() - started;
				rows = Sql.queryLong(connection, "SELECT count(*) FROM stock");
			}
			finally {
				Warehouses.delete(this.database);
			}
			this.spec.commandLine()
				.getOut()
				.printf(java.util.Locale.ROOT, "copy rows=%d seconds=%.2f rows_per_second=%.0f%n", rows, elapsed / 1e9,
						rows / (elapsed / 1e9));
			return ExitCodes.SUCCESS;
		}

	}

	@Command(name = "csv-mapping", mixinStandardHelpOptions = true,
			description = "A CSV through a declarative mapping (read, clean, type, validate, quarantine, account) "
					+ "versus bare DuckDB read_csv of the same file into a table.")
	static class CsvMapping implements Callable<Integer> {

		@Option(names = "--rows", description = "Rows of the generated file (default: ${DEFAULT-VALUE}).")
		int rows = 1_000_000;

		@Option(names = "--work", description = "Working folder, emptied first (default: ${DEFAULT-VALUE}).")
		Path work = Path.of(System.getProperty("java.io.tmpdir"), "territoire-benchmark");

		@Option(names = "--repeat",
				description = "Measurements of each side; the best is kept (default: ${DEFAULT-VALUE}).")
		int repeat = 3;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			var result = CsvMappingBenchmark.run(HomeOptions.project(), this.rows, this.work, this.repeat,
					this.spec.commandLine().getOut());
			return (result.ratio() >= 0.5) ? ExitCodes.SUCCESS : ExitCodes.JOB_FAILED;
		}

	}

	/** {@code territoire bench secrecy --warehouse FILE}. */
	@Command(name = "secrecy", mixinStandardHelpOptions = true,
			description = "Secondary suppression by the baseline (smallest cell) and by Gaussian elimination, side by "
					+ "side, on a copy of a nightly's warehouse.")
	static class Secrecy implements Callable<Integer> {

		@Option(names = "--warehouse", required = true, paramLabel = "FILE",
				description = "A warehouse built by the nightly (e.g. <home>/warehouse/current.duckdb); left unchanged.")
		Path warehouse = Path.of("");

		@Option(names = "--work", description = "Working folder for the copy (default: ${DEFAULT-VALUE}).")
		Path work = Path.of(System.getProperty("java.io.tmpdir"), "territoire-benchmark");

		@Option(names = "--interval", description = "Protection interval (default: ${DEFAULT-VALUE}).")
		double interval = 0.10;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			SecrecyBenchmark.run(this.warehouse, this.work, this.interval, this.spec.commandLine().getOut());
			return ExitCodes.SUCCESS;
		}

	}

}
