package fr.territoire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import fr.territoire.check.ConfigurationCheck;
import fr.territoire.geography.GeographySql;
import fr.territoire.normalise.StagingSql;
import fr.territoire.project.ProjectConfiguration;
import fr.territoire.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code territoire check}: validates configuration, touches no data.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Validates mappings, models, audits, indicators, publication and schedules; no data touched.",
				"Errors make the configuration invalid (exit 2); warnings are printed and do not." })
class CheckCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--show-sql", paramLabel = "SOURCE",
			description = "Also print the staging model generated from the mapping of SOURCE; 'geography' prints the "
					+ "geography models generated from the sources' geography declarations.")
	String showSql;

	@Override
	public Integer call() {
		var project = HomeOptions.project();
		ProjectConfiguration configuration = ConfigurationCheck.load(project);
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		configuration.warnings().forEach(err::println);
		if (!configuration.errors().isEmpty()) {
			configuration.errors().forEach(err::println);
			err.println(configuration.errors().size() + " problem(s) found" + (configuration.warnings().isEmpty() ? "."
					: ", and " + configuration.warnings().size() + " warning(s)."));
			return ExitCodes.USAGE;
		}
		if ("geography".equals(this.showSql)) {
			out.println(GeographySql.show(configuration.geography().sources()));
		}
		else if (this.showSql != null) {
			var mapping = configuration.mapping(this.showSql);
			if (mapping.isEmpty() || !mapping.get().isDeclarative()) {
				err.println("No declarative mapping (with a target table) for source '" + this.showSql + "'.");
				return ExitCodes.USAGE;
			}
			out.println(StagingSql.sql(mapping.get()) + ";");
		}
		printSchedules(configuration, out);
		out.println("Configuration of " + project + " is valid" + (configuration.warnings().isEmpty() ? "."
				: " (" + configuration.warnings().size() + " warning(s))."));
		return ExitCodes.SUCCESS;
	}

	/** Each schedule with its next 5 fire times in its zone. */
	private static void printSchedules(ProjectConfiguration configuration, PrintWriter out) {
		java.time.Instant now = java.time.Instant.now();
		for (Schedule schedule : configuration.schedules().schedules()) {
			out.println("Schedule " + schedule.name() + " (" + schedule.shownAs() + "): " + schedule.job() + ", cron '"
					+ schedule.cron().text() + "' in " + schedule.zone() + ", missed: " + schedule.missed().text()
					+ ", max-duration: " + ((schedule.maxDuration() != null) ? schedule.maxDuration() : "none")
					+ "; next 5 fire times:");
			schedule.next(now, 5).forEach((time) -> out.println("  " + Schedule.format(time)));
		}
	}

}
