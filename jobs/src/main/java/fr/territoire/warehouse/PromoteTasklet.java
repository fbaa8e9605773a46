package fr.territoire.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.duckdb.DuckDBConnection;
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
		Path next = this.warehouse.home().nextWarehouse();
		Path current = this.warehouse.home().currentWarehouse();
		if (!Files.exists(next) && Files.exists(current)) {
			this.warehouse.close();
			logger.info("{} was already promoted by an earlier attempt of this run", current);
			return RepeatStatus.FINISHED;
		}
		if (Files.exists(current) && RunReuse.reusedRelease(this.warehouse.connection()).isPresent()) {
			keepReused(next, current);
			return RepeatStatus.FINISHED;
		}
		try {
			this.warehouse.close();
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

	/**
	 * A run that reused the last promoted run's outputs (docs/operations.md) keeps
	 * {@code current.duckdb}, which holds them: no copy of the warehouse. The run is
	 * recorded in its {@code meta.run} (one committed row: what makes it this run's
	 * warehouse for a restart and for the next run's housekeeping), then the small
	 * {@code next.duckdb} is deleted. A reader holding {@code current.duckdb} open delays
	 * the write; it is tried again for a minute.
	 */
	private void keepReused(Path next, Path current) {
		List<List<String>> run = Sql.queryRows(this.warehouse.connection(),
				"SELECT job_instance_id, job_name, CAST(run_date AS VARCHAR), CAST(started_at AS VARCHAR) "
						+ "FROM meta.run ORDER BY started_at DESC LIMIT 1");
		this.warehouse.close();
		List<String> row = run.get(0);
		for (int attempt = 1;; attempt++) {
			try (DuckDBConnection connection = Warehouses.open(current, false, this.warehouse.settings())) {
				Sql.update(connection,
						"INSERT INTO meta.run SELECT ?, ?, CAST(? AS DATE), CAST(? AS TIMESTAMP) "
								+ "WHERE NOT EXISTS (SELECT 1 FROM meta.run WHERE job_instance_id = ?)",
						Long.parseLong(row.get(0)), row.get(1), row.get(2), row.get(3), Long.parseLong(row.get(0)));
				break;
			}
			catch (TerritoireException | SQLException ex) {
				if (attempt >= 60) {
					throw new TerritoireException(ErrorCode.WAREHOUSE, null,
							"cannot record this run in " + current + ": " + ex.getMessage(), ex);
				}
				logger.warn("{} cannot be written yet (a reader holds it?), trying again in 1 s: {}", current,
						ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new TerritoireException(ErrorCode.WAREHOUSE, null, "interrupted", interrupted);
				}
			}
		}
		Warehouses.delete(next);
		logger.info("Warehouse kept: {} already holds what this run reuses; the run is recorded in it", current);
	}

}
