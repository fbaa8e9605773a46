package fr.territoire.geography;

import java.util.List;
import java.util.Map;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.Location;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.ModelCatalog;
import fr.territoire.warehouse.ModelRunner;
import fr.territoire.warehouse.Sql;
import fr.territoire.warehouse.SqlModel;
import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds the geography layer for the target vintage (configured, otherwise the newest
 * loaded): vintages, hierarchies, passage tables, then the models generated from the
 * sources' geography declarations (the vintage of each source, declared or detected; the
 * codes left unmapped; a harmonised view of each source), then the hand-written models
 * that read them. Logs each source's vintage, what was left out and repaired codes; fails
 * when the configured vintage is not loaded.
 */
public class GeographyTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(GeographyTasklet.class);

	private final WarehouseSession warehouse;

	private final ModelCatalog catalog;

	private final List<DeclaredSource> sources;

	private final @Nullable String targetVintage;

	public GeographyTasklet(WarehouseSession warehouse, ModelCatalog catalog, List<DeclaredSource> sources,
			@Nullable String targetVintage) {
		this.warehouse = warehouse;
		this.catalog = catalog;
		this.sources = List.copyOf(sources);
		this.targetVintage = targetVintage;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		DuckDBConnection connection = this.warehouse.connection();
		Sql.execute(connection, "set the target vintage", "SET VARIABLE target_vintage = "
				+ ((this.targetVintage != null) ? Sql.literal(this.targetVintage) : "NULL"));
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		long total = 0;
		for (GeographyPlan.Step step : GeographyPlan.of(this.catalog.layer(SqlModel.Layer.GEOGRAPHY), this.sources)
			.steps()) {
			SqlModel model = step.model();
			if (step.view()) {
				Sql.execute(connection, "model " + model.table(),
						"CREATE OR REPLACE VIEW " + model.table() + " AS\n" + model.sql());
				logger.info("Built view {}", model.table());
				continue;
			}
			if (model.name().equals("vintage")) {
				ModelRunner.build(connection, model);
				checkTarget(connection);
				continue;
			}
			Map.Entry<String, Long> built = ModelRunner.build(connection, model);
			context.putLong("rows." + built.getKey(), built.getValue());
			total += built.getValue();
		}
		String target = Sql.queryRows(connection, "SELECT vintage FROM geography.vintage WHERE is_target")
			.get(0)
			.get(0);
		context.putString("target.vintage", target);
		report(connection);
		chunkContext.getStepContext().getStepExecution().setWriteCount(total);
		return RepeatStatus.FINISHED;
	}

	private void checkTarget(DuckDBConnection connection) {
		List<String> loaded = Sql.queryRows(connection, "SELECT vintage FROM geography.vintage ORDER BY vintage")
			.stream()
			.map((row) -> row.get(0))
			.toList();
		if (loaded.isEmpty()) {
			throw new TerritoireException(ErrorCode.MISSING_INPUT, Location.file("cog-*/"),
					"no COG vintage is loaded: put the communes of a vintage in a folder cog-YYYY/ of the inbox");
		}
		if (this.targetVintage != null && !loaded.contains(this.targetVintage)) {
			throw new TerritoireException(ErrorCode.BAD_CONFIGURATION,
					Location.file("territoire.geography.target-vintage"), "the target vintage " + this.targetVintage
							+ " is not loaded; loaded vintages: " + String.join(", ", loaded));
		}
	}

	private static void report(DuckDBConnection connection) {
		for (List<String> row : Sql.queryRows(connection, "SELECT source, vintage_used, chosen_by, detected_vintage, "
				+ "detected_share, target_vintage FROM geography.source_vintage ORDER BY source")) {
			logger.info("{}: COG vintage {} ({}; detected {} with {} of its rows), harmonised to {}", row.get(0),
					row.get(1), row.get(2), row.get(3), row.get(4), row.get(5));
		}
		for (List<String> row : Sql.queryRows(connection, "SELECT source, unmapped_codes, unmapped_rows, "
				+ "amount_left_out, total_amount, unit FROM geography.unmapped_total WHERE unmapped_codes > 0")) {
			logger.warn(
					"{}: {} commune codes on {} rows cannot be mapped to the target vintage; left out {} of {} {} "
							+ "(see geography.unmapped_commune_code)",
					row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5));
		}
		for (List<String> row : Sql.queryRows(connection,
				"SELECT file, rows_repaired, example FROM geography.commune_code_repair")) {
			logger.warn("{}: {} rows had lost the leading zeros of their codes, restored (e.g. {})", row.get(0),
					row.get(1), row.get(2));
		}
	}

}
