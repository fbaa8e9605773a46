package fr.territoire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import fr.territoire.benchmark.CsvMappingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code territoire benchmark csv-mapping}: measures the mapping path against bare DuckDB
 * {@code read_csv} on a generated file. Figures go to {@code docs/benchmarks.md}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
		description = "Measures a path side by side with its baseline, on generated data (see docs/benchmarks.md).",
		subcommands = { BenchmarkCommand.CsvMapping.class })
class BenchmarkCommand {

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
			var result = CsvMappingBenchmark.run(this.rows, this.work, this.repeat, this.spec.commandLine().getOut());
			return (result.ratio() >= 0.5) ? ExitCodes.SUCCESS : ExitCodes.JOB_FAILED;
		}

	}

}
