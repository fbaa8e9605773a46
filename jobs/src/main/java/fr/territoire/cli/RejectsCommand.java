package fr.territoire.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;

import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.query.OutputFormat;
import fr.territoire.query.ReadOnlyQuery;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code territoire rejects}: the rows the quarantine kept
 * ({@code quality.rejected_row}), with the file, record, rule, column and value of each:
 * those of the failed run when one left its warehouse ({@code next.duckdb}), else those
 * of the last good run.
 */
@Command(name = "rejects", mixinStandardHelpOptions = true,
		description = { "Shows rejected rows: file, record, rule, column, value and message.",
				"Reads the warehouse a failed run kept (next.duckdb) when there is one, else the last good one "
						+ "(current.duckdb)." })
class RejectsCommand implements Callable<Integer> {

	static final String COLUMNS = "source, file, record, rule, column_name, value, message";

	@Option(names = "--source", paramLabel = "SOURCE", description = "Only the rows of this source (mapping).")
	@Nullable String source;

	@Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: ${DEFAULT-VALUE}).")
	int limit = 50;

	@Option(names = "--current", description = "Read the last good run's warehouse even when a failed run kept one.")
	boolean current;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
	OutputFormat format = OutputFormat.TABLE;

	@Spec
	CommandSpec spec;

	@ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() {
		if (this.limit < 1) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--limit must be at least 1, got " + this.limit);
		}
		TerritoireHome home = this.parent.homeOptions.territoireHome();
		boolean failedRun = !this.current && Files.isRegularFile(home.nextWarehouse());
		TerritoireProperties.Query defaults = TerritoireProperties.Query.defaults();
		// the last good warehouse shows quality.* only to every-schema readers; this
		// command
		// reads nothing but the quarantine
		TerritoireProperties.Query settings = new TerritoireProperties.Query(Duration.ofSeconds(60),
				defaults.memoryLimit(), defaults.threads(), defaults.maxSpill(), !failedRun);
		var out = this.spec.commandLine().getOut();
		if (this.format == OutputFormat.TABLE) {
			out.println("Rejected rows of " + (failedRun ? "the failed run (" + home.nextWarehouse() + ")"
					: "the last good run (" + home.currentWarehouse() + ")") + ":");
		}
		ReadOnlyQuery.run(home, settings, failedRun, sql(this.source, this.limit), this.format, out);
		return ExitCodes.SUCCESS;
	}

	/** The query: one source or all, in file and record order. */
	static String sql(@Nullable String source, int limit) {
		String where = (source != null) ? " WHERE source = '" + source.replace("'", "''") + "'" : "";
		return "SELECT " + COLUMNS + " FROM quality.rejected_row" + where + " ORDER BY source, file, record LIMIT "
				+ limit;
	}

}
