package fr.territoire.normalise;

import java.util.List;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
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
		DuckDBConnection connection = this.warehouse.connection();
		String source = Sql.literal(this.mapping.source());
		// the model runs twice (valid rows, then rejected ones) rather than into a
		// temporary
		// table copied afterwards: on the register, evaluating the checks costs less than
		// writing every row twice
		Sql.execute(connection, "stage " + this.model.table(), "CREATE OR REPLACE TABLE " + this.model.table()
				+ " AS SELECT * EXCLUDE (reject) FROM (\n" + this.model.sql() + "\n) WHERE reject IS NULL");
		Sql.execute(connection, "quarantine rejected rows",
				"DELETE FROM quality.rejected_row WHERE source = " + source
						+ ";\nINSERT INTO quality.rejected_row SELECT " + source
						+ ", _file, _record, reject.rule, reject.column_name, reject.value, reject.message FROM (\n"
						+ this.model.sql() + "\n) WHERE reject IS NOT NULL");
		long read = 0;
		long staged = 0;
		long rejected = 0;
		for (List<String> row : Sql.queryRows(connection, """
				SELECT a.file, a.rows_read,
				       (SELECT count(*) FROM %s s WHERE s._file = a.file),
				       (SELECT count(*) FROM quality.rejected_row r WHERE r.source = a.source AND r.file = a.file)
				FROM meta.file_accounting a WHERE a.source = %s ORDER BY a.file""".formatted(this.model.table(),
				source))) {
			String file = row.get(0);
			long fileRead = Long.parseLong(row.get(1));
			long fileStaged = Long.parseLong(row.get(2));
			long fileRejected = Long.parseLong(row.get(3));
			if (fileRead != fileStaged + fileRejected) {
				throw new TerritoireException(ErrorCode.ROW_ACCOUNTING, Location.file(file),
						"rows read (" + fileRead + ") differ from rows staged (" + fileStaged + ") plus rows rejected ("
								+ fileRejected + ") in " + this.model.table()
								+ ": the staging model must return every raw row exactly once");
			}
			Sql.update(connection, "UPDATE meta.file_accounting SET rows_staged = ?, rows_rejected = ? "
					+ "WHERE source = ? AND file = ?", fileStaged, fileRejected, this.mapping.source(), file);
			logger.info("{}: {} rows read = {} staged + {} rejected", file, fileRead, fileStaged, fileRejected);
			read += fileRead;
			staged += fileStaged;
			rejected += fileRejected;
		}
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		step.setReadCount(read);
		step.setWriteCount(staged);
		step.setFilterCount(rejected);
		step.getExecutionContext().putLong("rows.read", read);
		step.getExecutionContext().putLong("rows.staged", staged);
		step.getExecutionContext().putLong("rows.rejected", rejected);
		double threshold = this.mapping.rejectThreshold();
		if (read > 0 && (double) rejected / read > threshold) {
			throw new TerritoireException(ErrorCode.UNREADABLE_INPUT, Location.file(this.mapping.source()),
					String.format(java.util.Locale.ROOT,
							"%d of %d rows rejected (%.1f%%), above the mapping's max_reject_rate of %.1f%%; "
									+ "see quality.rejected_row",
							rejected, read, 100.0 * rejected / read, 100.0 * threshold));
		}
		return RepeatStatus.FINISHED;
	}

}
