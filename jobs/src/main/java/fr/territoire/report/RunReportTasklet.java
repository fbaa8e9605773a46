package fr.territoire.report;

import java.io.IOException;
import java.nio.file.Path;

import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the run report while the run goes on (this step shown as running, promote not
 * yet run), so that a run that dies before its end leaves one; {@link RunReportListener}
 * writes it again when the job has ended, with every step's final status.
 */
public class RunReportTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(RunReportTasklet.class);

	private final WarehouseSession warehouse;

	private final RunReportWriter writer;

	public RunReportTasklet(WarehouseSession warehouse, RunReportWriter writer) {
		this.warehouse = warehouse;
		this.writer = writer;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		StepExecution current = chunkContext.getStepContext().getStepExecution();
		var job = current.getJobExecution();
		Path report = this.writer.write(job, this.warehouse.connection(), current.getStepName());
		job.getExecutionContext().putString("report.path", report.toString());
		current.getExecutionContext().putString("report.path", report.toString());
		logger.info("Run report: {}", report);
		return RepeatStatus.FINISHED;
	}

}
