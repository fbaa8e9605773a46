package fr.territoire.warehouse;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds the models of one or more layers, recording each table's row count in the step's
 * execution context.
 */
public class ModelLayerTasklet implements Tasklet {

	private final WarehouseSession warehouse;

	private final ModelCatalog catalog;

	private final List<SqlModel.Layer> layers;

	public ModelLayerTasklet(WarehouseSession warehouse, ModelCatalog catalog, List<SqlModel.Layer> layers) {
		this.warehouse = warehouse;
		this.catalog = catalog;
		this.layers = List.copyOf(layers);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var connection = this.warehouse.connection();
		long total = 0;
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		for (SqlModel.Layer layer : this.layers) {
			for (Map.Entry<String, Long> built : ModelRunner.build(connection, this.catalog, layer).entrySet()) {
				context.putLong("rows." + built.getKey(), built.getValue());
				total += built.getValue();
			}
		}
		chunkContext.getStepContext().getStepExecution().setWriteCount(total);
		return RepeatStatus.FINISHED;
	}

}
