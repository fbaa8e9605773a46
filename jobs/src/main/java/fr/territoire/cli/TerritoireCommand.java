package fr.territoire.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code territoire}: the command line.
 */
@Command(name = "territoire", mixinStandardHelpOptions = true, version = "Territoire 0.1.0",
		description = "Nightly territorial-intelligence pipeline: SIRENE, INSEE statistics and partner data "
				+ "into a DuckDB warehouse, indicators for every territory, and open-data releases.",
		subcommands = { RunCommand.class, ScheduleCommand.class, StatusCommand.class, CheckCommand.class,
				SqlCommand.class, RejectsCommand.class, AlertsCommand.class, GenerateCommand.class, BenchCommand.class,
				ServeCommand.class, CommandLine.HelpCommand.class },
		exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.JOB_FAILED,
		footer = { "", "Exit codes: 0 success, 1 the job failed (reason printed, restartable), "
				+ "2 bad usage or configuration." })
public class TerritoireCommand implements Runnable {

	@Mixin
	HomeOptions homeOptions = new HomeOptions();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a command is required");
	}

	/** Parses and runs the command line; returns the exit code. */
	public static int execute(String... args) {
		TerritoireCommand root = new TerritoireCommand();
		CommandLine commandLine = new CommandLine(root);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
			PrintWriter err = command.getErr();
			err.println("territoire: " + Failures.describe(exception, root.homeOptions.log()));
			err.flush();
			return Failures.exitCode(exception);
		});
		return commandLine.execute(args);
	}

}
