package fr.territoire.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.query.OutputFormat;
import fr.territoire.query.ReadOnlyQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code territoire alerts}: the alerts (veille) of the last good run, read from
 * {@code mart.alert} of current.duckdb, read-only like {@code territoire sql}.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
		description = {
				"Lists the alerts (veille) of the last good run (mart.alert of current.duckdb, read-only): territories",
				"whose creations or closures of the last 1 or 3 months leave their expected range, most severe first.",
				"See docs/alerts.md." })
class AlertsCommand implements Callable<Integer> {

	/** The severities, least severe first. */
	static final List<String> SEVERITIES = List.of("low", "medium", "high");

	static final String COLUMNS = "severity, message, level, territory_code, territory_name, naf_section, event, "
			+ "window_months, period_start, period_end, observed, expected, ratio, direction, tail_probability, source, "
			+ "alert";

	@Option(names = "--level", paramLabel = "SEVERITY",
			description = "Only alerts of this severity or more: low, medium or high (default: ${DEFAULT-VALUE}).")
	String level = "low";

	@Option(names = "--json", description = "Print the alerts as JSON (one object per alert).")
	boolean json;

	@Spec
	CommandSpec spec;

	@ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() {
		String severity = this.level.toLowerCase(Locale.ROOT);
		if (!SEVERITIES.contains(severity)) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"--level must be low, medium or high, not " + this.level);
		}
		TerritoireHome home = this.parent.homeOptions.territoireHome();
		TerritoireProperties.Query defaults = TerritoireProperties.Query.defaults();
		TerritoireProperties.Query settings = new TerritoireProperties.Query(Duration.ofSeconds(60),
				defaults.memoryLimit(), defaults.threads(), defaults.maxSpill(), false);
		ReadOnlyQuery.run(home, settings, false, sql(severity), this.json ? OutputFormat.JSON : OutputFormat.TABLE,
				this.spec.commandLine().getOut());
		return ExitCodes.SUCCESS;
	}

	/** The query: alerts of this severity or more, most severe first, then by key. */
	static String sql(String severity) {
		List<String> kept = SEVERITIES.subList(SEVERITIES.indexOf(severity), SEVERITIES.size());
		return "SELECT " + COLUMNS + " FROM mart.alert WHERE severity IN ('" + String.join("', '", kept) + "')"
				+ " ORDER BY CASE severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, tail_probability,"
				+ " alert, source, level, territory_code, naf_section, event, window_months";
	}

}
