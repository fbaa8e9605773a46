package fr.territoire.alert;

import java.util.List;

import fr.territoire.config.Definition;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs every alert definition in the warehouse and writes the rows each returns into
 * {@code mart.alert}, tagged with the definition's name. The step empties the table
 * first, so a restarted step writes the same rows; the rows' order is the table's key, so
 * nothing read from it depends on the order of insertion.
 */
public class AlertTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(AlertTasklet.class);

	private final WarehouseSession warehouse;

	private final List<Definition<AlertSpec>> alerts;

	public AlertTasklet(WarehouseSession warehouse, List<Definition<AlertSpec>> alerts) {
		this.warehouse = warehouse;
		this.alerts = List.copyOf(alerts);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var connection = this.warehouse.connection();
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		Sql.update(connection, "DELETE FROM mart.alert");
		for (Definition<AlertSpec> alert : this.alerts) {
			Sql.update(connection,
					"INSERT INTO mart.alert BY NAME SELECT ? AS alert, * FROM (" + alert.requiredSql() + ")",
					alert.name());
			long rows = Sql.queryLong(connection, "SELECT count(*) FROM mart.alert WHERE alert = ?", alert.name());
			context.putLong("alert." + alert.name(), rows);
			logger.info("Alert {}: {} rows", alert.name(), rows);
		}
		return RepeatStatus.FINISHED;
	}

}
