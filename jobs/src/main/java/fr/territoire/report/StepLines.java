package fr.territoire.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * The table of steps of the report: the last execution of each step of the run (a resumed
 * run shows the steps its earlier executions completed too), in the order they ran, with
 * the steps of sources absent from the inbox (their ingest read no row, their normalise
 * staged none, both completed) folded into one line.
 */
final class StepLines {

	private StepLines() {
	}

	/**
	 * The lines of a run's steps.
	 * @param executions the step executions of every execution of the run
	 * @param running the step whose report is being written, shown as running, or null
	 * @return the lines
	 */
	static List<RunReport.StepLine> of(List<StepExecution> executions, @Nullable String running) {
		Map<String, StepExecution> last = new LinkedHashMap<>();
		executions.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.forEach((step) -> last.put(step.getStepName(), step));
		Set<String> absent = absentSources(last);
		List<RunReport.StepLine> lines = new ArrayList<>();
		long foldedMillis = 0;
		int foldedSteps = 0;
		int foldedAt = -1;
		for (StepExecution step : last.values()) {
			String source = source(step.getStepName());
			if (source != null && absent.contains(source)) {
				foldedMillis += millis(step.getStartTime(), step.getEndTime());
				foldedSteps++;
				if (foldedAt < 0) {
					foldedAt = lines.size();
				}
				continue;
			}
			boolean isRunning = step.getStepName().equals(running);
			lines.add(new RunReport.StepLine(step.getStepName(),
					isRunning ? "RUNNING (this report is written by this step)" : status(step),
					FrenchFormat.duration(Duration.ofMillis(millis(step.getStartTime(), step.getEndTime()))),
					FrenchFormat.number(step.getReadCount()), FrenchFormat.number(step.getWriteCount()),
					FrenchFormat.number(step.getFilterCount()), false));
		}
		if (foldedSteps > 0) {
			lines.add(foldedAt,
					new RunReport.StepLine(
							foldedSteps + " steps of " + absent.size() + " sources absent from the inbox: "
									+ String.join(", ", absent),
							"COMPLETED", FrenchFormat.duration(Duration.ofMillis(foldedMillis)), "0", "0", "0", true));
		}
		return lines;
	}

	/** Sources whose ingest read nothing and whose steps all completed. */
	static Set<String> absentSources(Map<String, StepExecution> steps) {
		Set<String> absent = new TreeSet<>();
		for (StepExecution step : steps.values()) {
			if (step.getStepName().startsWith("ingest.") && step.getReadCount() == 0 && reused(step) == null
					&& step.getStatus() == BatchStatus.COMPLETED) {
				String source = step.getStepName().substring("ingest.".length());
				StepExecution normalise = steps.get("normalise." + source);
				if (normalise == null || (normalise.getStatus() == BatchStatus.COMPLETED
						&& normalise.getReadCount() == 0 && normalise.getWriteCount() == 0)) {
					absent.add(source);
				}
			}
		}
		return absent;
	}

	/**
	 * The step's status; a step skipped because the run reused the last promoted run's
	 * outputs (docs/operations.md) says so and names the release.
	 */
	static String status(StepExecution step) {
		String reused = reused(step);
		if (reused != null) {
			return "SKIPPED (unchanged: reuses release " + reused + ")";
		}
		return step.getStatus() + (step.getExecutionContext().containsKey("reuse.reason")
				? " (" + step.getExecutionContext().getString("reuse.reason") + ")" : "");
	}

	private static @Nullable String reused(StepExecution step) {
		return (step.getStatus() == BatchStatus.COMPLETED
				&& ExitStatus.NOOP.getExitCode().equals(step.getExitStatus().getExitCode())
				&& step.getExecutionContext().containsKey("reused.release"))
						? step.getExecutionContext().getString("reused.release") : null;
	}

	private static @Nullable String source(String step) {
		if (step.startsWith("ingest.")) {
			return step.substring("ingest.".length());
		}
		if (step.startsWith("normalise.")) {
			return step.substring("normalise.".length());
		}
		return null;
	}

	static long millis(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		if (start == null) {
			return 0;
		}
		return Duration.between(start, (end != null) ? end : LocalDateTime.now()).toMillis();
	}

}
