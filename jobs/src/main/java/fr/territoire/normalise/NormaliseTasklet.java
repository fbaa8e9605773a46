package fr.territoire.normalise;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Validates one source's raw rows with its staging model. The model returns every raw row
 * with a {@code reject} struct (rule, column, value, message) that is null for valid
 * rows: valid rows become {@code staging.<model>}, the others go to
 * {@code quality.rejected_row}. Per file, rows read must equal rows staged plus rows
 * rejected; a reject rate above the mapping's threshold fails the step (the quarantine is
 * kept).
 */
public class NormaliseTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(NormaliseTasklet.class);

	private final WarehouseSession warehouse;

	private final Mapping mapping;

	private final SqlModel model;

	public NormaliseTasklet(WarehouseSession warehouse, Mapping mapping, SqlModel model) {
		this.warehouse = warehouse;
		this.mapping = mapping;
		this.model = model;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Normaliser.Counts counts = Normaliser.run(this.warehouse.connection(), this.mapping, this.model);
		long read = counts.read();
		long staged = counts.staged();
		long rejected = counts.rejected();
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		step.setReadCount(read);
		step.setWriteCount(staged);
		step.setFilterCount(rejected);
		step.getExecutionContext().putLong("rows.read", read);
		step.getExecutionContext().putLong("rows.staged", staged);
		step.getExecutionContext().putLong("rows.rejected", rejected);
		double threshold = this.mapping.rejectThreshold();
		if (read > 0 && (double) rejected / read > threshold) {
			throw new TerritoireException(ErrorCode.REJECT_RATE_EXCEEDED,
					Location.file("mappings/" + this.mapping.source() + ".yaml"),
					String.format(java.util.Locale.ROOT,
							"%d of %d rows rejected (%.1f%%), above the mapping's max_reject_rate of %.1f%%; "
									+ "see quality.rejected_row",
							rejected, read, 100.0 * rejected / read, 100.0 * threshold));
		}
		return RepeatStatus.FINISHED;
	}

}
