package fr.territoire.job;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import fr.territoire.warehouse.Warehouses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts a new job instance on a fresh {@code next.duckdb}; a restart reuses the one its
 * failed execution left, after checking it belongs to the same instance. Closes the
 * warehouse when the job ends, whatever its status.
 */
public class WarehouseLifecycleListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(WarehouseLifecycleListener.class);

	private final WarehouseSession warehouse;

	private final JobRepository jobRepository;

	public WarehouseLifecycleListener(WarehouseSession warehouse, JobRepository jobRepository) {
		this.warehouse = warehouse;
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		long instance = jobExecution.getJobInstance().getInstanceId();
		boolean restart = this.jobRepository.getJobExecutions(jobExecution.getJobInstance()).size() > 1;
		var next = this.warehouse.home().nextWarehouse();
		if (restart && Files.exists(next)) {
			long owner = Sql.queryLong(this.warehouse.connection(),
					"SELECT coalesce(max(job_instance_id), -1) FROM meta.run");
			if (owner == instance) {
				logger.info("Restarting job instance {} on {}", instance, next);
				return;
			}
			this.warehouse.close();
			throw new TerritoireException(ErrorCode.RUN_CONFLICT, Location.file(next.toString()),
					next + " belongs to job instance " + owner + ", not " + instance
							+ ": another run used it since. Start this date again with --rerun.");
		}
		if (restart && promotedBy(instance)) {
			logger.info("Instance {} already promoted its warehouse; finishing the remaining steps", instance);
			return;
		}
		if (restart) {
			throw new TerritoireException(ErrorCode.RUN_CONFLICT, Location.file(next.toString()),
					next + " is missing, so instance " + instance
							+ " cannot resume where it failed. Start this date again with --rerun.");
		}
		warnIfHeldByAnotherRun(next, instance);
		this.warehouse.close();
		Warehouses.delete(next);
		Sql.update(this.warehouse.connection(), "INSERT INTO meta.run VALUES (?, ?, ?, ?)", instance,
				jobExecution.getJobInstance().getJobName(),
				LocalDate.parse(String.valueOf(jobExecution.getJobParameters().getString("date"))),
				Timestamp.from(Instant.now()));
	}

	/**
	 * A new instance starts on a fresh warehouse: if the one in place was left by a
	 * failed run of another instance, that run can no longer resume where it failed; it
	 * will start again from scratch when run, and the log says so now.
	 */
	private void warnIfHeldByAnotherRun(java.nio.file.Path next, long instance) {
		if (!Files.exists(next)) {
			return;
		}
		try {
			var owners = Sql.queryRows(this.warehouse.connection(),
					"SELECT job_instance_id, CAST(run_date AS VARCHAR) FROM meta.run ORDER BY started_at DESC LIMIT 1");
			if (!owners.isEmpty() && Long.parseLong(owners.get(0).get(0)) != instance) {
				logger.warn(
						"{} held the unfinished run of {} (job instance {}); it is replaced by this run, so that "
								+ "date will start again from scratch when it is run again",
						next, owners.get(0).get(1), owners.get(0).get(0));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("{} is replaced by this run; which run it held cannot be read: {}", next, ex.getMessage());
		}
	}

	private boolean promotedBy(long instance) {
		var current = this.warehouse.home().currentWarehouse();
		if (!Files.exists(current)) {
			return false;
		}
		try (var connection = Warehouses.open(current, true, this.warehouse.settings())) {
			return Sql.queryLong(connection, "SELECT coalesce(max(job_instance_id), -1) FROM meta.run") == instance;
		}
		catch (java.sql.SQLException ex) {
			return false;
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.warehouse.close();
		if (jobExecution.getStatus() != BatchStatus.COMPLETED && Files.exists(this.warehouse.home().nextWarehouse())) {
			logger.warn("Job ended {}: {} is kept for diagnostics and restart", jobExecution.getStatus(),
					this.warehouse.home().nextWarehouse());
		}
	}

}
