package fr.territoire.cli;

import java.util.List;
import java.util.concurrent.Callable;

import fr.territoire.check.ConfigurationCheck;
import fr.territoire.config.Problem;
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

	@picocli.CommandLine.Option(names = "--show-sql", paramLabel = "SOURCE",
			description = "Also print the staging model generated from the mapping of SOURCE.")
	String showSql;

	@Override
	public Integer call() {
		var project = HomeOptions.project();
		List<Problem> problems = new java.util.ArrayList<>(ConfigurationCheck.run(project));
		problems.addAll(fr.territoire.check.UnusedStagingTables.warnings(project));
		boolean valid = problems.stream().noneMatch(Problem::isError);
		if (this.showSql != null && valid) {
			var mapping = fr.territoire.mapping.MappingCatalog.load(project)
				.mappings()
				.stream()
				.filter((candidate) -> candidate.source().equals(this.showSql))
				.findFirst();
			if (mapping.isEmpty() || !mapping.get().isDeclarative()) {
				this.spec.commandLine()
					.getErr()
					.println("No declarative mapping (with a target table) for source '" + this.showSql + "'.");
				return ExitCodes.USAGE;
			}
			this.spec.commandLine().getOut().println(fr.territoire.normalise.StagingSql.sql(mapping.get()) + ";");
		}
		var err = this.spec.commandLine().getErr();
		problems.forEach(err::println);
		if (valid) {
			// warnings are printed but do not make the configuration invalid
			long warnings = problems.size();
			this.spec.commandLine()
				.getOut()
				.println("Configuration of " + project + " is valid."
						+ ((warnings > 0) ? " " + warnings + " warning(s) printed." : ""));
			return ExitCodes.SUCCESS;
		}
		err.println(problems.stream().filter(Problem::isError).count() + " problem(s) found.");
		return ExitCodes.USAGE;
	}

}
