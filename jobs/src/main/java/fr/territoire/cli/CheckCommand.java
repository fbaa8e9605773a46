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
			description = "Also print the staging model generated from the mapping of SOURCE; 'geography' prints the "
					+ "geography models generated from the sources' geography declarations.")
	String showSql;

	@Override
	public Integer call() {
		var project = HomeOptions.project();
		List<Problem> problems = ConfigurationCheck.run(project);
		if ("geography".equals(this.showSql) && problems.isEmpty()) {
			var sources = fr.territoire.geography.DeclaredSources
				.of(fr.territoire.mapping.MappingCatalog.load(project),
						fr.territoire.warehouse.ModelCatalog.load(project))
				.sources();
			this.spec.commandLine().getOut().println(fr.territoire.geography.GeographySql.show(sources));
		}
		else if (this.showSql != null && problems.isEmpty()) {
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
