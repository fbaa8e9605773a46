package fr.territoire.job;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import fr.territoire.config.RunState;
import fr.territoire.config.TerritoireHome;
import fr.territoire.warehouse.RunningQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Keeps {@link RunState} up to date while a job runs (every second, from the job
 * repository of this process) and removes it when the run ends. Shows the running step's
 * progress ({@link StepProgress}): on a terminal as a bar redrawn every second on the
 * last line of the terminal ({@link TerminalProgressLine}), otherwise (cron, CI, the
 * scheduler) as a log line every 10 seconds.
 */
final class RunStateTracker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RunStateTracker.class);

	private final ScheduledExecutorService scheduler;

	private final TerritoireHome home;

	private final @Nullable TerminalProgressLine terminal = (System.console() != null) ? TerminalProgressLine.install()
			: null;

	private @Nullable StepProgress progress;

	private Supplier<Optional<RunningQuery>> runningQuery = Optional::empty;

	private long ticks;

	private final long logEverySeconds;

	private RunStateTracker(ScheduledExecutorService scheduler, TerritoireHome home, Duration logEvery) {
		this.scheduler = scheduler;
		this.home = home;
		this.logEverySeconds = Math.max(1, logEvery.toSeconds());
	}

	static RunStateTracker start(JobRepository jobRepository, TerritoireHome home, String jobName, LocalDate date,
			Duration logEvery, Supplier<Optional<RunningQuery>> runningQuery) {
		String startedAt = Instant.now().toString();
		long pid = ProcessHandle.current().pid();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "run-state");
			thread.setDaemon(true);
			return thread;
		});
		RunStateTracker tracker = new RunStateTracker(scheduler, home, logEvery);
		tracker.runningQuery = runningQuery;
		tracker.progress = new StepProgress(jobRepository, jobName);
		tracker.write(new RunState(jobName, date.toString(), pid, startedAt, null, null, 0, startedAt, null));
		scheduler.scheduleWithFixedDelay(() -> tracker.update(jobRepository, jobName, date, pid, startedAt), 1, 1,
				TimeUnit.SECONDS);
		return tracker;
	}

	private void update(JobRepository jobRepository, String jobName, LocalDate date, long pid, String startedAt) {
		try {
			String step = null;
			String stepStartedAt = null;
			StepProgress.Snapshot snapshot = null;
			long rows = 0;
			long execution = -1;
			StepExecution lastEnded = null;
			for (JobExecution running : jobRepository.findRunningJobExecutions(jobName)) {
				for (StepExecution stepExecution : running.getStepExecutions()) {
					rows += stepExecution.getReadCount();
					if (stepExecution.getStatus().isRunning()) {
						step = stepExecution.getStepName();
						stepStartedAt = String.valueOf(stepExecution.getStartTime());
						execution = running.getId();
						snapshot = (this.progress != null) ? this.progress.of(stepExecution, LocalDateTime.now())
							.with(this.runningQuery.get().orElse(null)) : null;
					}
					else if (stepExecution.getEndTime() != null
							&& (lastEnded == null || stepExecution.getEndTime().isAfter(lastEnded.getEndTime()))) {
						lastEnded = stepExecution;
					}
				}
			}
			if (step == null && lastEnded != null) {
				// between two steps: say which one has just ended rather than no step at
				// all
				step = lastEnded.getStepName() + " ended, the next step starting";
				stepStartedAt = String.valueOf(lastEnded.getEndTime());
			}
			write(new RunState(jobName, date.toString(), pid, startedAt, step, stepStartedAt, rows,
					Instant.now().toString(), (snapshot != null) ? snapshot.describe() : null));
			show(snapshot, execution, rows);
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot update the state of the run", ex);
		}
	}

	private void show(StepProgress.@Nullable Snapshot snapshot, long execution, long rows) {
		this.ticks++;
		if (snapshot == null) {
			return;
		}
		if (this.terminal != null) {
			this.terminal.show(snapshot.bar());
		}
		else if (this.ticks % this.logEverySeconds == 0) {
			try (var run = MDC.putCloseable("run", String.valueOf(execution));
					var step = MDC.putCloseable("step", snapshot.step())) {
				logger.info("Progress: {}; {} rows read by the run's finished steps", snapshot.describe(), rows);
			}
		}
	}

	private void write(RunState state) {
		try {
			state.write(this.home);
		}
		catch (IOException ex) {
			logger.debug("Cannot write the state of the run", ex);
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		if (this.terminal != null) {
			this.terminal.uninstall();
		}
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
			RunState.clear(this.home);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			logger.warn("Cannot remove {}: {}", RunState.file(this.home), ex.getMessage());
		}
	}

}
