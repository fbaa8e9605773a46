package fr.territoire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import fr.territoire.generate.SireneStockGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code territoire generate}: synthetic inputs for benchmarks and scale tests.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Writes synthetic inputs for benchmarks and scale tests.",
		subcommands = { GenerateCommand.Sirene.class })
class GenerateCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "say what to generate: sirene");
	}

	/** {@code territoire generate sirene --rows N --out FILE}. */
	@Command(name = "sirene", mixinStandardHelpOptions = true,
			description = {
					"Writes a realistic synthetic StockEtablissement in the exact current layout (54 columns): "
							+ "real commune codes weighted by population, real NAF codes, plausible dates, 'P' units, "
							+ "closed, foreign and some invalid rows.",
					"A FILE ending in .zip is zipped as INSEE ships it (one StockEtablissement_utf8.csv entry)." })
	static class Sirene implements Callable<Integer> {

		@Option(names = "--rows", required = true, paramLabel = "N", description = "Number of establishments.")
		long rows;

		@Option(names = "--out", required = true, paramLabel = "FILE", description = "The .zip or .csv to write.")
		Path out = Path.of("StockEtablissement_utf8.zip");

		@Option(names = "--seed", paramLabel = "SEED",
				description = "Random seed; the same seed writes the same file (default: ${DEFAULT-VALUE}).")
		long seed = 20251216L;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			if (this.rows < 1) {
				throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "--rows must be 1 or more");
			}
			long started = System.nanoTime();
			SireneStockGenerator.generate(HomeOptions.project(), this.out, this.rows, this.seed);
			this.spec.commandLine()
				.getOut()
				.printf("Wrote %d establishments to %s in %.1f s%n", this.rows, this.out.toAbsolutePath(),
						(System.nanoTime() - started) / 1e9);
			return ExitCodes.SUCCESS;
		}

	}

}
