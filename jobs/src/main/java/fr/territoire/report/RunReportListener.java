package fr.territoire.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import fr.territoire.warehouse.WarehouseSession;
import fr.territoire.warehouse.Warehouses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes the run report when the job has ended, completed or failed, so that it shows
 * every step's final status (promote included) and, for a failed run, the failing step,
 * its message, what to do and the rejected rows its warehouse ({@code next.duckdb}) kept.
 * A report that cannot be written is logged; it never fails the run.
 */
public class RunReportListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(RunReportListener.class);

	private final WarehouseSession warehouse;

	private final RunReportWriter writer;

	public RunReportListener(WarehouseSession warehouse, RunReportWriter writer) {
		this.warehouse = warehouse;
		this.writer = writer;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		try {
			this.warehouse.close();
			Path file = readable(jobExecution);
			Path report;
			if (file == null) {
				report = this.writer.write(jobExecution, null, null);
			}
			else {
				try (Connection connection = Warehouses.open(file, true, this.warehouse.settings())) {
					report = this.writer.write(jobExecution, connection, null);
				}
			}
			jobExecution.getExecutionContext().putString("report.path", report.toString());
			logger.info("Run report: {}", report);
		}
		catch (Exception ex) {
			logger.warn("The run report could not be written: {}", ex.toString(), ex);
		}
	}

	/**
	 * The warehouse the run wrote: {@code current.duckdb} once promoted, else the
	 * {@code next.duckdb} it kept.
	 */
	private @Nullable Path readable(JobExecution execution) {
		var home = this.warehouse.home();
		boolean promoted = execution.getStatus() == BatchStatus.COMPLETED;
		Path file = promoted ? home.currentWarehouse() : home.nextWarehouse();
		return Files.isRegularFile(file) ? file : null;
	}

}
