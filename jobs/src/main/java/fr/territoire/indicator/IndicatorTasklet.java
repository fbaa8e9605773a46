package fr.territoire.indicator;

import java.util.List;

import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Computes every indicator for every territory of every level into
 * {@code mart.indicator_value}, with its rank within the level, and keeps the definitions
 * in {@code mart.indicator}.
 */
public class IndicatorTasklet implements Tasklet {

	private final WarehouseSession warehouse;

	private final IndicatorCatalog catalog;

	public IndicatorTasklet(WarehouseSession warehouse, IndicatorCatalog catalog) {
		this.warehouse = warehouse;
		this.catalog = catalog;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var connection = this.warehouse.connection();
		Sql.execute(connection, "create indicator definitions",
				"CREATE OR REPLACE TABLE mart.indicator (indicator_id VARCHAR PRIMARY KEY, label VARCHAR NOT NULL, "
						+ "description VARCHAR NOT NULL, unit VARCHAR NOT NULL, numerator VARCHAR NOT NULL, "
						+ "denominator VARCHAR, scale DOUBLE NOT NULL)");
		for (IndicatorDefinition indicator : this.catalog.indicators()) {
			Sql.update(connection, "INSERT INTO mart.indicator VALUES (?, ?, ?, ?, ?, ?, ?)", indicator.id(),
					indicator.label(), indicator.description(), indicator.unit(), indicator.numerator(),
					indicator.denominator(), indicator.scaleOrOne());
		}
		List<IndicatorDefinition> indicators = this.catalog.indicators();
		if (!indicators.isEmpty()) {
			Sql.execute(connection, "compute indicators", IndicatorSql.build(indicators));
		}
		long rows = Sql.queryLong(connection, "SELECT count(*) FROM mart.indicator_value");
		chunkContext.getStepContext().getStepExecution().setWriteCount(rows);
		return RepeatStatus.FINISHED;
	}

}
