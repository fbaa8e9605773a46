package fr.territoire.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.territoire.warehouse.RunningQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * How far a running step has got, estimated from the time the same step took in the last
 * run that completed it (a step is one set-based statement or one file read: its own
 * progress is not observable from outside): elapsed time, share of the last duration,
 * time left.
 */
final class StepProgress {

	private static final int BAR = 24;

	private final JobRepository jobRepository;

	private final String jobName;

	private final Map<String, Optional<Duration>> lastDurations = new HashMap<>();

	StepProgress(JobRepository jobRepository, String jobName) {
		this.jobRepository = jobRepository;
		this.jobName = jobName;
	}

	/**
	 * The progress of a running step.
	 * @param step the running step
	 * @param now the time
	 * @return what it says
	 */
	Snapshot of(StepExecution step, LocalDateTime now) {
		Duration elapsed = (step.getStartTime() != null) ? Duration.between(step.getStartTime(), now) : Duration.ZERO;
		Optional<Duration> last = this.lastDurations.computeIfAbsent(step.getStepName(),
				(name) -> lastDuration(name, step.getJobExecutionId()));
		return new Snapshot(step.getStepName(), elapsed, last.orElse(null));
	}

	private Optional<Duration> lastDuration(String stepName, long currentExecution) {
		StepExecution newest = null;
		for (JobInstance instance : this.jobRepository.getJobInstances(this.jobName, 0, 10)) {
			for (JobExecution execution : this.jobRepository.getJobExecutions(instance)) {
				if (execution.getId() == currentExecution) {
					continue;
				}
				for (StepExecution candidate : execution.getStepExecutions()) {
					if (candidate.getStepName().equals(stepName) && candidate.getStatus() == BatchStatus.COMPLETED
							&& candidate.getStartTime() != null && candidate.getEndTime() != null
							&& (newest == null || candidate.getId() > newest.getId())) {
						newest = candidate;
					}
				}
			}
		}
		return Optional.ofNullable(newest).map((step) -> Duration.between(step.getStartTime(), step.getEndTime()));
	}

	/**
	 * A step's progress.
	 *
	 * @param step the step
	 * @param elapsed how long it has run
	 * @param lastDuration how long it took in the last run that completed it, null if
	 * none did
	 * @param query how far the step's running statement has got, as DuckDB reports it
	 * (rows processed out of rows to process), null when it cannot say
	 */
	record Snapshot(String step, Duration elapsed, @Nullable Duration lastDuration, @Nullable RunningQuery query) {

		Snapshot(String step, Duration elapsed, @Nullable Duration lastDuration) {
			this(step, elapsed, lastDuration, null);
		}

		/** The same snapshot with what DuckDB says of the running statement. */
		Snapshot with(@Nullable RunningQuery running) {
			return new Snapshot(this.step, this.elapsed, this.lastDuration, running);
		}

		/**
		 * The share done (0 to 0.99), or -1 when unknown: the running statement's own
		 * share when DuckDB reports it, else the elapsed time against the last run's.
		 */
		double fraction() {
			if (this.query != null) {
				return Math.min(0.99, this.query.percent() / 100);
			}
			if (this.lastDuration == null || this.lastDuration.isZero()) {
				return -1;
			}
			return Math.min(0.99, (double) this.elapsed.toMillis() / this.lastDuration.toMillis());
		}

		/**
		 * One line: step and elapsed time, then rows done, rate and time left of the
		 * running statement when DuckDB reports them, else the last run's duration and
		 * what is left of it.
		 */
		String describe() {
			String text = "step " + this.step + " running for " + seconds(this.elapsed);
			if (this.query != null) {
				return text + ", " + rows(this.query);
			}
			if (this.lastDuration == null) {
				return text + " (no earlier run to estimate from)";
			}
			Duration left = this.lastDuration.minus(this.elapsed);
			return text + ", " + Math.round(fraction() * 100) + "% of the " + seconds(this.lastDuration)
					+ " it took last run, ETA "
					+ (left.isNegative() ? "overdue by " + seconds(left.negated()) : seconds(left));
		}

		/**
		 * Rows of the running statement: done, total, rate over the step's time so far
		 * and the time left at that rate.
		 */
		private String rows(RunningQuery running) {
			String text = String.format(Locale.ROOT, "%d%% of its statement: %,d of %,d rows",
					Math.round(Math.min(99, running.percent())), running.rows(), running.totalRows());
			long millis = this.elapsed.toMillis();
			if (millis <= 0 || running.rows() <= 0) {
				return text;
			}
			double perSecond = running.rows() * 1000.0 / millis;
			long left = Math.max(0, running.totalRows() - running.rows());
			return text + String.format(Locale.ROOT, ", %,d rows/s, ETA ", Math.round(perSecond))
					+ seconds(Duration.ofSeconds(Math.round(left / perSecond)));
		}

		/** A bar for a terminal. */
		String bar() {
			double fraction = fraction();
			StringBuilder bar = new StringBuilder("[");
			int done = (fraction < 0) ? 0 : (int) Math.round(fraction * BAR);
			for (int i = 0; i < BAR; i++) {
				bar.append((fraction < 0) ? ((i == (this.elapsed.toSeconds() % BAR)) ? '=' : ' ')
						: (i < done) ? '=' : (i == done) ? '>' : ' ');
			}
			return bar.append("] ").append(describe()).toString();
		}

		private static String seconds(Duration duration) {
			long seconds = duration.toSeconds();
			return (seconds < 60) ? seconds + "s" : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
		}

	}

}
