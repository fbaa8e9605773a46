package fr.territoire.disclosure;

import fr.territoire.warehouse.WarehouseSession;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The nightly step {@code disclosure}, after {@code audit.public} and before
 * {@code publish}: runs the {@link DisclosureAudit} on the warehouse under construction;
 * a failure stops the run before anything is published.
 */
public class DisclosureAuditTasklet implements Tasklet {

	private final WarehouseSession warehouse;

	private final double interval;

	/**
	 * @param warehouse the warehouse under construction
	 * @param interval the protection interval of primary cells of business tables (0.10
	 * for ±10 %)
	 */
	public DisclosureAuditTasklet(WarehouseSession warehouse, double interval) {
		this.warehouse = warehouse;
		this.interval = interval;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		DisclosureReport report = DisclosureAudit.run(this.warehouse.connection(), this.warehouse.home().project(),
				this.interval);
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		for (TableResult result : report.tables()) {
			context.putLong("disclosure." + result.tableId() + "." + result.period() + ".secret", result.secret());
		}
		return RepeatStatus.FINISHED;
	}

}
