package fr.territoire.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The data of the report's charts, read from the job repository: the duration of the
 * steps of the last runs of a job (ingest and normalise steps summed per kind) and the
 * rows each source read in them.
 */
final class RunHistory {

	/** How many runs the charts show. */
	static final int RUNS = 30;

	private RunHistory() {
	}

	/**
	 * The chart data of the last runs, the current one included.
	 * @param repository the job repository
	 * @param current the current execution (its repository copy may be older)
	 * @return {@code runs} (labels), {@code durations} (seconds per step group and run),
	 * {@code rows} (rows read per source and run)
	 */
	static Map<String, Object> charts(JobRepository repository, JobExecution current) {
		String job = current.getJobInstance().getJobName();
		Map<Long, JobExecution> executions = new TreeMap<>();
		for (JobInstance instance : repository.getJobInstances(job, 0, RUNS)) {
			for (JobExecution execution : repository.getJobExecutions(instance)) {
				executions.put(execution.getId(), execution);
			}
		}
		executions.put(current.getId(), current);
		List<JobExecution> all = new ArrayList<>(executions.values());
		List<JobExecution> last = all.subList(Math.max(0, all.size() - RUNS), all.size());
		List<String> runs = new ArrayList<>();
		Map<String, double[]> durations = new LinkedHashMap<>();
		Map<String, long[]> rows = new TreeMap<>();
		for (int run = 0; run < last.size(); run++) {
			JobExecution execution = last.get(run);
			runs.add(execution.getJobParameters().getString("date") + " #" + execution.getId());
			List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
			steps.sort(Comparator.comparing(StepExecution::getId));
			for (StepExecution step : steps) {
				String name = step.getStepName();
				double seconds = (step.getStartTime() != null && step.getEndTime() != null)
						? Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0 : 0;
				durations.computeIfAbsent(group(name), (key) -> new double[last.size()])[run] += seconds;
				if (name.startsWith("ingest.") && step.getReadCount() > 0) {
					rows.computeIfAbsent(name.substring("ingest.".length()), (key) -> new long[last.size()])[run] = step
						.getReadCount();
				}
			}
		}
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("runs", runs);
		charts.put("durations",
				durations.entrySet()
					.stream()
					.map((entry) -> Map.of("name", entry.getKey(), "data", rounded(entry.getValue())))
					.toList());
		charts.put("rows",
				rows.entrySet()
					.stream()
					.map((entry) -> Map.of("name", entry.getKey(), "data", entry.getValue()))
					.toList());
		return charts;
	}

	private static String group(String step) {
		int dot = step.indexOf('.');
		return (step.startsWith("ingest.") || step.startsWith("normalise.")) ? step.substring(0, dot) : step;
	}

	private static double[] rounded(double[] seconds) {
		double[] rounded = new double[seconds.length];
		for (int i = 0; i < seconds.length; i++) {
			rounded[i] = Math.round(seconds[i] * 10) / 10.0;
		}
		return rounded;
	}

}
