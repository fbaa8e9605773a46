package fr.territoire.cli;

import java.util.concurrent.Callable;

import fr.territoire.config.RunState;
import fr.territoire.status.RunStatus;
import fr.territoire.status.StatusService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code territoire status}: recent runs with their steps and counts.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows recent runs, their steps and counts.")
class StatusCommand implements Callable<Integer> {

	@Option(names = "--json", description = "Print JSON instead of text.")
	boolean json;

	@Option(names = "--limit", paramLabel = "N", description = "How many recent runs (default: ${DEFAULT-VALUE}).")
	int limit = 10;

	@Spec
	CommandSpec spec;

	@picocli.CommandLine.ParentCommand
	TerritoireCommand parent;

	@Override
	public Integer call() {
		var out = this.spec.commandLine().getOut();
		var active = RunState.active(this.parent.homeOptions.territoireHome());
		if (active.isPresent()) {
			// the running process locks the job repository: show what it says it is doing
			if (this.json) {
				out.println(JsonMapper.builder()
					.enable(SerializationFeature.INDENT_OUTPUT)
					.build()
					.writeValueAsString(java.util.Map.of("active", active.get())));
			}
			else {
				out.println("A run is in progress: " + active.get().describe() + ".");
				out.println("The history of runs is shown when it ends (the running process locks the job "
						+ "repository).");
			}
			out.flush();
			return ExitCodes.SUCCESS;
		}
		try (ConfigurableApplicationContext context = Contexts.start(this.parent.homeOptions, null)) {
			var runs = context.getBean(StatusService.class).recentRuns(this.limit);
			if (this.json) {
				out.println(JsonMapper.builder()
					.enable(SerializationFeature.INDENT_OUTPUT)
					.build()
					.writeValueAsString(runs));
			}
			else if (runs.isEmpty()) {
				out.println("No run yet. Start one with: territoire run nightly");
			}
			else {
				for (RunStatus run : runs) {
					out.printf("%s %s date=%s %s (execution %d, %s → %s, %s, %s)%n", run.job(), run.status(),
							run.date(), run.exitCode(), run.executionId(), run.startTime(),
							(run.endTime() != null) ? run.endTime() : "not ended", run.timeZone(),
							java.time.Duration.ofMillis(run.durationMillis())
								.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
								.toString()
								.substring(2)
								.toLowerCase(java.util.Locale.ROOT));
					out.println("    report: " + ((run.report() != null) ? run.report() : "none"));
					run.steps()
						.forEach((step) -> out.printf("    %-40s %-10s read=%d written=%d rejected=%d %dms%n",
								step.name(), step.status(), step.read(), step.written(), step.rejected(),
								step.durationMillis()));
				}
			}
			out.flush();
			return ExitCodes.SUCCESS;
		}
	}

}
