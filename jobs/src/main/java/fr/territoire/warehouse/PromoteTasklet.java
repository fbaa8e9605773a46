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
	 * {@code current.duckdb}, which holds them: no copy of the warehouse. Its
	 * {@code meta.run} then names this run instead of the one that computed the data (one
	 * transaction: what makes it this run's warehouse for a restart, the next run's
	 * housekeeping and readers; {@code meta.run_fingerprint} still names the run that
	 * computed it), then the small {@code next.duckdb} is deleted. A reader holding
	 * {@code current.duckdb} open delays the write; it is tried again every 20 ms for a
	 * minute (readers, for their part, retry their open while it lasts).
	 */
	private void keepReused(Path next, Path current) {
		List<List<String>> run = Sql.queryRows(this.warehouse.connection(),
				"SELECT job_instance_id, job_name, CAST(run_date AS VARCHAR), CAST(started_at AS VARCHAR) "
						+ "FROM meta.run ORDER BY started_at DESC LIMIT 1");
		this.warehouse.close();
		List<String> row = run.get(0);
		for (int attempt = 1;; attempt++) {
			try (DuckDBConnection connection = Warehouses.open(current, false, this.warehouse.settings())) {
				long instance = Long.parseLong(row.get(0));
				Sql.execute(connection, "record the run in the kept warehouse",
						"BEGIN TRANSACTION;\nDELETE FROM meta.run WHERE job_instance_id <> " + instance + ";\n"
								+ "INSERT INTO meta.run SELECT " + instance + ", " + Sql.literal(row.get(1)) + ", DATE "
								+ Sql.literal(row.get(2)) + ", TIMESTAMP " + Sql.literal(row.get(3))
								+ " WHERE NOT EXISTS (SELECT 1 FROM meta.run WHERE job_instance_id = " + instance
								+ ");\nCOMMIT");
				break;
			}
			catch (TerritoireException | SQLException ex) {
				if (attempt >= 3000) {
					throw new TerritoireException(ErrorCode.WAREHOUSE, null,
							"cannot record this run in " + current + ": " + ex.getMessage(), ex);
				}
				if (attempt % 250 == 1) {
					logger.warn("{} cannot be written yet (readers hold it?), trying again every 20 ms: {}", current,
							ex.getMessage());
				}
				try {
					Thread.sleep(20);
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
