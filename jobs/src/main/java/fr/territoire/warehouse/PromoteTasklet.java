package fr.territoire.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: closes {@code next.duckdb} and makes it {@code current.duckdb} with an
 * atomic rename. Readers that still have the old file open keep reading it; new readers
 * see the new one.
 */
public class PromoteTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PromoteTasklet.class);

	private final WarehouseSession warehouse;

	public PromoteTasklet(WarehouseSession warehouse) {
		this.warehouse = warehouse;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		this.warehouse.close();
		Path next = this.warehouse.home().nextWarehouse();
		Path current = this.warehouse.home().currentWarehouse();
		if (!Files.exists(next) && Files.exists(current)) {
			logger.info("{} was already promoted by an earlier attempt of this run", current);
			return RepeatStatus.FINISHED;
		}
		try {
			Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Warehouses.delete(Path.of(next + ".wal"));
		}
		catch (IOException ex) {
			throw new TerritoireException(ErrorCode.WAREHOUSE, null,
					"cannot promote " + next + " to " + current + ": " + ex.getMessage(), ex);
		}
		logger.info("Warehouse promoted: {}", current);
		return RepeatStatus.FINISHED;
	}

}
