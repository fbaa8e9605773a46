package fr.territoire.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import fr.territoire.warehouse.WarehouseSession;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code peers} step: for every level of {@code warehouse/peers.yaml}, the k
 * statistical nearest neighbours of each territory among those of its group, written to
 * {@code mart.territory_peer}. Reads {@code mart.indicator_value} (so it runs after the
 * indicators step) and {@code core.territory_peer_group}; replaces the whole table, so a
 * failed run restarts at it.
 */
public class PeerTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PeerTasklet.class);

	private final WarehouseSession warehouse;

	private final PeerSpec spec;

	public PeerTasklet(WarehouseSession warehouse, PeerSpec spec) {
		this.warehouse = warehouse;
		this.spec = spec;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		long rows = run(this.warehouse.connection(), this.spec, context::putLong);
		chunkContext.getStepContext().getStepExecution().setWriteCount(rows);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Computes every level's neighbours and replaces {@code mart.territory_peer} with
	 * them.
	 * @param connection the warehouse
	 * @param spec the declaration
	 * @param figures receives what is worth keeping: the period read for each level and
	 * feature, the territories of each level, the values missing, the rows written
	 * @return the rows written
	 */
	static long run(DuckDBConnection connection, PeerSpec spec, BiConsumer<String, Long> figures) {
		List<PeerTable.LevelNeighbours> levels = new ArrayList<>();
		for (PeerSpec.Level level : spec.levels()) {
			long started = System.nanoTime();
			Map<String, Integer> periods = new LinkedHashMap<>();
			Coordinates coordinates = PeerInputs.read(connection, spec, level, periods);
			Standardised standardised = Standardised.of(coordinates);
			Neighbours neighbours = NearestNeighbours.find(spec.k(), standardised.groupsOf(coordinates), standardised);
			levels.add(new PeerTable.LevelNeighbours(level.level(), coordinates.codes(), neighbours));
			log(spec, level, coordinates, standardised, periods, (System.nanoTime() - started) / 1_000_000);
			periods
				.forEach((feature, period) -> figures.accept("period." + level.level() + "." + feature, (long) period));
			figures.accept("territories." + level.level(), (long) coordinates.size());
			figures.accept("unlocated." + level.level(), (long) standardised.unlocated().size());
			for (int f = 0; f < spec.features().size(); f++) {
				figures.accept("missing." + level.level() + "." + spec.features().get(f).name(),
						standardised.missing()[f]);
			}
		}
		long rows = PeerTable.write(connection, spec, levels);
		figures.accept("rows." + PeerColumns.TABLE, rows);
		return rows;
	}

	private static void log(PeerSpec spec, PeerSpec.Level level, Coordinates coordinates, Standardised standardised,
			Map<String, Integer> periods, long milliseconds) {
		long ungrouped = java.util.Arrays.stream(coordinates.groups()).filter((group) -> group < 0).count();
		logger.info("peers {}: {} territories, {} coordinates kept, periods {}, {} ms", level.level(),
				coordinates.size(), standardised.dimensions(), periods, milliseconds);
		for (PeerSpec.Feature feature : spec.features()) {
			if (!periods.containsKey(feature.name())) {
				logger.warn("peers {}: feature {} has no value (indicator {}, status ok) at this level: it is left out",
						level.level(), feature.name(), feature.indicator());
			}
		}
		for (int f = 0; f < spec.features().size(); f++) {
			long missing = standardised.missing()[f];
			if (missing > 0) {
				logger.info("peers {}: feature {}: {} missing values taken as the mean (z = 0)", level.level(),
						spec.features().get(f).name(), missing);
			}
		}
		if (!standardised.dropped().isEmpty()) {
			logger.info("peers {}: coordinates without spread dropped: {}", level.level(), standardised.dropped());
		}
		if (!standardised.unlocated().isEmpty()) {
			logger.warn(
					"peers {}: {} territories have no value for any feature: no neighbours, nobody's neighbour ({})",
					level.level(), standardised.unlocated().size(),
					standardised.unlocated().stream().limit(10).map(coordinates.codes()::get).toList());
		}
		if (ungrouped > 0) {
			logger.warn("peers {}: {} territories have no {} and get no neighbours", level.level(), ungrouped,
					level.groupBy());
		}
	}

}
