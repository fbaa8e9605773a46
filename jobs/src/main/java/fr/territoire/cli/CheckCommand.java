package fr.territoire.cli;

import java.util.List;
import java.util.concurrent.Callable;

import fr.territoire.check.ConfigurationCheck;
import fr.territoire.check.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code territoire check}: validates configuration, touches no data.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Validates mappings, models, audits, indicators, publication and schedules; no data touched.")
class CheckCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		var project = HomeOptions.project();
		List<Problem> problems = ConfigurationCheck.run(project);
		if (problems.isEmpty()) {
			this.spec.commandLine().getOut().println("Configuration of " + project + " is valid.");
			return ExitCodes.SUCCESS;
		}
		var err = this.spec.commandLine().getErr();
		problems.forEach(err::println);
		err.println(problems.size() + " problem(s) found.");
		return ExitCodes.USAGE;
	}

}
