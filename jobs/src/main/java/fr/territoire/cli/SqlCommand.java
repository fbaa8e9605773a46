package fr.territoire.cli;

import java.util.concurrent.Callable;

import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.query.OutputFormat;
import fr.territoire.query.QuerySession;
import fr.territoire.query.ReadOnlyQuery;
import fr.territoire.query.WarehouseQuerySession;
import fr.territoire.query.shell.Shell;
import org.jspecify.annotations.Nullable;
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
		description = { "Runs a read-only SQL query on the last good warehouse (current.duckdb); without QUERY, opens",
				"an interactive shell on it (.help lists its commands; history in <home>/sql_history).",
				"Schemas: raw, staging, geography, core, mart, public, quality, meta.",
				"public holds what releases publish, with the register's diffusion rules applied." })
class SqlCommand implements Callable<Integer> {

	/** Memory and threads of the shell's session, as for one query. */
	private static final TerritoireProperties.Warehouse SHELL_SETTINGS = new TerritoireProperties.Warehouse("1GB", 2);

	@Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
			description = "The query, e.g. \"SELECT * FROM mart.indicator\"; none for the interactive shell.")
	@Nullable String query;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
	OutputFormat format = OutputFormat.TABLE;

	@Spec
	CommandSpec spec;

	@ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() {
		TerritoireHome home = this.parent.homeOptions.territoireHome();
		if (this.query == null) {
			try (QuerySession session = WarehouseQuerySession.open(home.currentWarehouse(), SHELL_SETTINGS)) {
				Shell.runOnSystemTerminal(session, home.sqlHistory(), home.project());
			}
			return ExitCodes.SUCCESS;
		}
		ReadOnlyQuery.run(home.currentWarehouse(), this.query, this.format, this.spec.commandLine().getOut());
		return ExitCodes.SUCCESS;
	}

}
