package fr.territoire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import fr.territoire.config.RunState;
import fr.territoire.config.TerritoireHome;
import fr.territoire.job.JobRunner;
import fr.territoire.job.RunLock;
import fr.territoire.schedule.JobRuns;
import fr.territoire.schedule.ScheduleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scheduler's runs: the application's {@link JobRunner} under the home's run lock (a
 * run already going in another process makes the fire {@code BUSY}); what the runner says
 * goes to the log. After each run the job repository's connections are closed.
 */
final class SchedulerRuns implements JobRuns {

	private static final Logger logger = LoggerFactory.getLogger(SchedulerRuns.class);

	private final ConfigurableApplicationContext context;

	private final TerritoireHome home;

	SchedulerRuns(ConfigurableApplicationContext context, TerritoireHome home) {
		this.context = context;
		this.home = home;
	}

	@Override
	public ScheduleState.Outcome run(String job, LocalDate date, boolean rerun, Map<String, String> parameters) {
		Optional<RunLock> lock;
		try {
			lock = RunLock.tryAcquire(this.home.runLock());
		}
		catch (IOException ex) {
			logger.error("Cannot take the run lock {}: {}", this.home.runLock(), ex.getMessage());
			return ScheduleState.Outcome.FAILED;
		}
		if (lock.isEmpty()) {
			logger.warn("The {} run of {} is not started: {} in {}", job, date,
					RunState.active(this.home)
						.map((active) -> "another process runs " + active.describe())
						.orElse("another process runs a job"),
					this.home.root());
			return ScheduleState.Outcome.BUSY;
		}
		try (RunLock held = lock.get(); PrintWriter out = new PrintWriter(new LogWriter(), true)) {
			JobRunner.Outcome outcome = this.context.getBean(JobRunner.class).run(job, date, rerun, parameters, out);
			return switch (outcome.status()) {
				case COMPLETED -> ScheduleState.Outcome.COMPLETED;
				case ALREADY_COMPLETED -> ScheduleState.Outcome.ALREADY_COMPLETED;
				case STOPPED -> ScheduleState.Outcome.STOPPED;
				case FAILED, UNKNOWN_JOB -> ScheduleState.Outcome.FAILED;
			};
		}
		catch (IOException ex) {
			logger.error("The {} run of {} failed: {}", job, date, ex.getMessage(), ex);
			return ScheduleState.Outcome.FAILED;
		}
		finally {
			closeIdleConnections(this.context);
		}
	}

	@Override
	public boolean stop(String job) {
		return this.context.getBean(JobRunner.class).stop(job);
	}

	/**
	 * Closes the idle connections to the job repository (the pool keeps none), so that
	 * the embedded database's file is free for other commands while the scheduler waits.
	 */
	static void closeIdleConnections(ConfigurableApplicationContext context) {
		DataSource dataSource = context.getBean(DataSource.class);
		if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
	}

	/** Sends each line written to the log. */
	private static final class LogWriter extends Writer {

		private final StringBuilder line = new StringBuilder();

		@Override
		public void write(char[] buffer, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				char c = buffer[i];
				if (c == '\n') {
					flushLine();
				}
				else if (c != '\r') {
					this.line.append(c);
				}
			}
		}

		private void flushLine() {
			if (!this.line.isEmpty()) {
				logger.info("{}", this.line);
				this.line.setLength(0);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
			flushLine();
		}

	}

}
