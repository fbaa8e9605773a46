package fr.territoire.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import fr.territoire.config.RunState;
import fr.territoire.error.ErrorCode;
import fr.territoire.job.JobRunner;
import fr.territoire.job.RunLock;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code territoire run <job>}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Runs a job (the whole pipeline: nightly) for a date.",
				"A failed run of the same date resumes at its failed step; a completed one is not run again "
						+ "unless --rerun is given." },
		footer = { "",
				"Settings (system property -Dname=value, or environment variable, e.g. "
						+ "TERRITOIRE_WAREHOUSE_MEMORYLIMIT=4GB):",
				"  territoire.warehouse.memory-limit  DuckDB memory limit of the warehouse (default 2GB); "
						+ "raise it when a run fails for memory",
				"  territoire.warehouse.threads       DuckDB threads (default 2); fewer threads need less memory",
				"  spill folder                       <home>/warehouse/next.duckdb.tmp, limited to 90% of the free "
						+ "disk (DuckDB's default)",
				"  territoire.publish.keep-releases   promoted releases kept (default 14)",
				"  territoire.ingest.formula-evaluation-limit  largest workbook loaded whole to evaluate formulas "
						+ "stored without their result (default 5MB)" })
class RunCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "JOB", description = "The job to run, e.g. nightly.")
	String job = "";

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The run date (default: today).")
	@Nullable LocalDate date;

	@Option(names = "--inbox", paramLabel = "DIR",
			description = "Folder of input files (default: <home>/inbox if it exists, else the bundled samples/).")
	@Nullable Path inbox;

	@Option(names = "--rerun", description = "Run again a date that already completed, as a new run.")
	boolean rerun;

	@Option(names = { "-p", "--parameter" }, paramLabel = "NAME=VALUE",
			description = "A job parameter given to a new run (repeatable), e.g. -p step-millis=500 for noop.")
	java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();

	@Spec
	CommandSpec spec;

	@picocli.CommandLine.ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() throws Exception {
		var out = this.spec.commandLine().getOut();
		LocalDate runDate = (this.date != null) ? this.date : LocalDate.now();
		var home = this.parent.homeOptions.territoireHome();
		// taken before Spring starts: the job repository it opens is locked by a running
		// process
		var lock = RunLock.tryAcquire(home.runLock());
		if (lock.isEmpty()) {
			out.println(RunState.active(home)
				.map((active) -> "A run is in progress (" + active.describe() + ")")
				.orElse("A run is in progress") + " in " + home.root() + "; try again when it ends.");
			out.flush();
			return ErrorCode.RUN_CONFLICT.kind().exitCode();
		}
		String startedAt = java.time.Instant.now().toString();
		new RunState(this.job, runDate.toString(), ProcessHandle.current().pid(), startedAt, "starting", startedAt, 0,
				startedAt, null)
			.write(home);
		try (RunLock held = lock.get();
				ConfigurableApplicationContext context = Contexts.start(this.parent.homeOptions, this.inbox)) {
			JobRunner.Outcome outcome = context.getBean(JobRunner.class)
				.run(this.job, runDate, this.rerun, this.parameters, out);
			out.flush();
			return switch (outcome.status()) {
				case COMPLETED, ALREADY_COMPLETED -> ExitCodes.SUCCESS;
				case UNKNOWN_JOB -> ErrorCode.BAD_USAGE.kind().exitCode();
				case STOPPED -> ExitCodes.JOB_FAILED;
				case FAILED -> ((outcome.failure() != null) ? outcome.failure() : ErrorCode.INTERNAL).kind().exitCode();
			};
		}
	}

}
