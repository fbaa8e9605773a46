package fr.territoire.history;

import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code history} step: brings the establishments' validity periods up to date with
 * the register's stock loaded by this run (see {@link EstablishmentHistory}). Idempotent:
 * it starts again from the last good warehouse's history every time.
 */
public class HistoryTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(HistoryTasklet.class);

	private final WarehouseSession warehouse;

	private final EstablishmentHistory history;

	public HistoryTasklet(WarehouseSession warehouse, EstablishmentHistory history) {
		this.warehouse = warehouse;
		this.history = history;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var connection = this.warehouse.connection();
		EstablishmentHistory history = this.history;
		HistoryOutcome outcome = history.update(connection, this.warehouse.home().currentWarehouse(),
				history.runDate(connection));
		logger.info("History of {}: {} ({} periods closed, {} opened)", outcome.stockMonth(), outcome.reason(),
				outcome.periodsClosed(), outcome.periodsOpened());
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		step.setWriteCount(outcome.periodsClosed() + outcome.periodsOpened());
		var context = step.getExecutionContext();
		context.putString("stock.month", outcome.stockMonth().toString());
		context.putString("stock.fingerprint", outcome.fingerprint());
		context.putString("applied", String.valueOf(outcome.applied()));
		context.putString("reason", outcome.reason());
		context.putLong("periods.closed", outcome.periodsClosed());
		context.putLong("periods.opened", outcome.periodsOpened());
		return RepeatStatus.FINISHED;
	}

}
