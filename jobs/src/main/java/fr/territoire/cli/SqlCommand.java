package fr.territoire.cli;

import java.time.Duration;
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
@Command(name = "sql", mixinStandardHelpOptions = true, description = {
		"Runs a read-only SQL query on the last good warehouse (current.duckdb); without QUERY, opens",
		"an interactive shell on it (.help lists its commands; history in <home>/sql_history).",
		"One read statement (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, PRAGMA table_info);",
		"no file is read or written.",
		"Schemas readable by default: public and mart, what releases may publish, with the register's",
		"diffusion rules applied (decret 2022-1014). --all-schemas also opens raw, staging, geography,",
		"core, quality and meta (they hold what the law masks): for authorised analysts only.",
		"Bounds (options below): memory, threads, timeout, and spill in <home>/tmp/sql-<pid>/ (removed at exit)." })
class SqlCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
			description = "The query, e.g. \"SELECT * FROM mart.indicator\"; none for the interactive shell.")
	@Nullable String query;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
	OutputFormat format = OutputFormat.TABLE;

	@Option(names = "--timeout", paramLabel = "SECONDS",
			description = "Stop the query after this many seconds (default: ${DEFAULT-VALUE}).")
	int timeoutSeconds = 60;

	@Option(names = "--all-schemas",
			description = "Read every schema, including the fields the diffusion rules mask (authorised analysts).")
	boolean allSchemas;

	@Option(names = "--memory-limit", paramLabel = "SIZE",
			description = "DuckDB memory limit of the query, e.g. 2GB (default: ${DEFAULT-VALUE}).")
	String memoryLimit = TerritoireProperties.Query.defaults().memoryLimit();

	@Option(names = "--threads", paramLabel = "N", description = "DuckDB threads (default: ${DEFAULT-VALUE}).")
	int threads = TerritoireProperties.Query.defaults().threads();

	@Option(names = "--max-spill", paramLabel = "SIZE",
			description = "Largest spill to disk, in <home>/tmp/sql-<pid>/ (default: ${DEFAULT-VALUE}).")
	String maxSpill = TerritoireProperties.Query.defaults().maxSpill();

	@Option(names = "--failed-run", description = "Read the warehouse a failed run kept (next.duckdb): "
			+ "public, mart, quality (its quarantine) and meta; refused while a run is active.")
	boolean failedRun;

	@Spec
	CommandSpec spec;

	@ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() {
		if (this.timeoutSeconds < 1) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--timeout must be at least 1 second, got " + this.timeoutSeconds);
		}
		for (String size : new String[] { this.memoryLimit, this.maxSpill }) {
			if (!TerritoireProperties.isSize(size)) {
				throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
						"'" + size + "' is not a size such as 512MB or 2GB");
			}
		}
		if (this.threads < 1 || this.threads > 256) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--threads must be between 1 and 256, got " + this.threads);
		}
		TerritoireProperties.Query settings = new TerritoireProperties.Query(Duration.ofSeconds(this.timeoutSeconds),
				this.memoryLimit, this.threads, this.maxSpill, this.allSchemas);
		TerritoireHome home = this.parent.homeOptions.territoireHome();
		if (this.query == null) {
			try (QuerySession session = this.failedRun ? WarehouseQuerySession.openFailedRun(home, settings)
					: WarehouseQuerySession.openCurrent(home, settings)) {
				Shell.runOnSystemTerminal(session, home.sqlHistory(), home.project());
			}
			return ExitCodes.SUCCESS;
		}
		ReadOnlyQuery.run(home, settings, this.failedRun, this.query, this.format, this.spec.commandLine().getOut());
		return ExitCodes.SUCCESS;
	}

}
