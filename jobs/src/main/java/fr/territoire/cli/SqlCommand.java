package fr.territoire.cli;

import java.util.concurrent.Callable;

import fr.territoire.query.OutputFormat;
import fr.territoire.query.ReadOnlyQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code territoire sql}: read-only SQL on the last good warehouse.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
		description = { "Runs a read-only SQL query on the last good warehouse (current.duckdb).",
				"Schemas: raw, staging, geography, core, mart, public, quality, meta.",
				"public holds what releases publish, with the register's diffusion rules applied." })
class SqlCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. \"SELECT * FROM mart.indicator\".")
	String query = "";

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
	OutputFormat format = OutputFormat.TABLE;

	@Spec
	CommandSpec spec;

	@ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() {
		var warehouse = this.parent.homeOptions.territoireHome().currentWarehouse();
		ReadOnlyQuery.run(warehouse, this.query, this.format, this.spec.commandLine().getOut());
		return ExitCodes.SUCCESS;
	}

}
