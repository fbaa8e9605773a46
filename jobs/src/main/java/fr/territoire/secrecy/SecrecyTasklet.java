package fr.territoire.secrecy;

import java.util.List;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelRunner;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Statistical secrecy, before the indicators are computed: generates the protected
 * tables' definitions and unit-level rows from the YAML, builds their cells with their
 * primary status (the models of {@code warehouse/models/secrecy/}), then runs secondary
 * suppression on each table and period. The indicators step gives every indicator row of
 * a secret cell its status; the public layer empties its values.
 */
public class SecrecyTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(SecrecyTasklet.class);

	private final WarehouseSession warehouse;

	private final List<ProtectedTable> tables;

	private final SecrecySettings settings;

	private final ModelCatalog models;

	public SecrecyTasklet(WarehouseSession warehouse, List<ProtectedTable> tables, SecrecySettings settings,
			ModelCatalog models) {
		this.warehouse = warehouse;
		this.tables = List.copyOf(tables);
		this.settings = settings;
		this.models = models;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var connection = this.warehouse.connection();
		Sql.execute(connection, "define the protected tables", SecrecySql.tables(this.tables, this.settings));
		Sql.execute(connection, "gather the protected tables' contributions", SecrecySql.contributions(this.tables));
		Sql.execute(connection, "list what the protected tables' indicators publish",
				SecrecySql.publication(this.tables));
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		long cells = 0;
		for (var built : ModelRunner.build(connection, this.models, SqlModel.Layer.SECRECY).entrySet()) {
			context.putLong("rows." + built.getKey(), built.getValue());
			cells += built.getValue();
		}
		List<List<String>> parts = Sql.queryRows(connection,
				"SELECT table_id, CAST(period AS VARCHAR) FROM mart.secrecy_cell GROUP BY ALL ORDER BY ALL");
		if (!this.settings.secondary()) {
			logger.warn("secondary secrecy is off (warehouse/secrecy.yaml, secondary: false): only primary cells "
					+ "are secret, and the disclosure audit will stop publication if one can be recomputed");
		}
		else {
			for (List<String> part : parts) {
				SuppressionResult result = SecondarySuppression.protect(connection, part.get(0),
						Integer.parseInt(part.get(1)), this.settings.suppressionMethod(), this.settings.interval());
				logger
					.info("secrecy of {} ({}): {} cells, {} published, {} primary, {} secondary by {}, {} of the "
							+ "published value suppressed, in {} ms", result.tableId(), result.period(), result.cells(),
							result.publishedCells(), result.primary(), result.secondary(), this.settings.method(),
							String.format(java.util.Locale.ROOT, "%.2f %%",
									(result.publishedValue() > 0)
											? 100 * result.suppressedValue() / result.publishedValue() : 0.0),
							result.elapsed().toMillis());
				context.putLong("secondary." + result.tableId() + "." + result.period(), result.secondary());
			}
		}
		chunkContext.getStepContext().getStepExecution().setWriteCount(cells);
		return RepeatStatus.FINISHED;
	}

}
