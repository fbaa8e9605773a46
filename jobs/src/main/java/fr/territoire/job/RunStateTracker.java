package fr.territoire.job;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.territoire.config.RunState;
import fr.territoire.config.TerritoireHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Keeps {@link RunState} up to date while a job runs (every second, from the job
 * repository of this process) and removes it when the run ends.
 */
final class RunStateTracker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RunStateTracker.class);

	private final ScheduledExecutorService scheduler;

	private final TerritoireHome home;

	private RunStateTracker(ScheduledExecutorService scheduler, TerritoireHome home) {
		this.scheduler = scheduler;
		this.home = home;
	}

	static RunStateTracker start(JobRepository jobRepository, TerritoireHome home, String jobName, LocalDate date) {
		String startedAt = Instant.now().toString();
		long pid = ProcessHandle.current().pid();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "run-state");
			thread.setDaemon(true);
			return thread;
		});
		RunStateTracker tracker = new RunStateTracker(scheduler, home);
		tracker.write(new RunState(jobName, date.toString(), pid, startedAt, null, null, 0, startedAt));
		scheduler.scheduleWithFixedDelay(() -> tracker.update(jobRepository, jobName, date, pid, startedAt), 1, 1,
				TimeUnit.SECONDS);
		return tracker;
	}

	private void update(JobRepository jobRepository, String jobName, LocalDate date, long pid, String startedAt) {
		try {
			String step = null;
			String stepStartedAt = null;
			long rows = 0;
			for (JobExecution running : jobRepository.findRunningJobExecutions(jobName)) {
				for (StepExecution execution : running.getStepExecutions()) {
					rows += execution.getReadCount();
					if (execution.getStatus() == BatchStatus.STARTED) {
						step = execution.getStepName();
						stepStartedAt = String.valueOf(execution.getStartTime());
					}
				}
			}
			write(new RunState(jobName, date.toString(), pid, startedAt, step, stepStartedAt, rows,
					Instant.now().toString()));
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot update the state of the run", ex);
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
