package fr.territoire.indicator;

import java.util.Map;

import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelRunner;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Computes every indicator for every territory of every level into
 * {@code mart.indicator_value}, with its rank within the level, and keeps the definitions
 * in {@code mart.indicator}: generates the view {@code mart.indicator_computed} from the
 * indicator YAMLs, then builds the models of {@code warehouse/models/indicators/}.
 */
public class IndicatorTasklet implements Tasklet {

	private final WarehouseSession warehouse;

	private final IndicatorCatalog catalog;

	private final ModelCatalog models;

	public IndicatorTasklet(WarehouseSession warehouse, IndicatorCatalog catalog, ModelCatalog models) {
		this.warehouse = warehouse;
		this.catalog = catalog;
		this.models = models;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var connection = this.warehouse.connection();
		Sql.execute(connection, "clear indicator definitions", "DELETE FROM mart.indicator");
		for (IndicatorDefinition indicator : this.catalog.indicators()) {
			Sql.update(connection, "INSERT INTO mart.indicator VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					indicator.id(), indicator.label(), indicator.description().strip(), indicator.unit(),
					indicator.formula(), indicator.numerator(), indicator.denominator(), indicator.denominatorPeriod(),
					indicator.dimension(), String.join(",", indicator.levels()), indicator.period(), indicator.source(),
					indicator.vintage(), indicator.scaleOrOne(), indicator.decimalsOrDefault(), indicator.secrecy());
		}
		Sql.execute(connection, "compute indicators",
				IndicatorSql.build(this.catalog.indicators(), Measure.of(this.models)));
		long rows = 0;
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		for (Map.Entry<String, Long> built : ModelRunner.build(connection, this.models, SqlModel.Layer.INDICATORS)
			.entrySet()) {
			context.putLong("rows." + built.getKey(), built.getValue());
			rows += built.getValue();
		}
		chunkContext.getStepContext().getStepExecution().setWriteCount(rows);
		return RepeatStatus.FINISHED;
	}

}
