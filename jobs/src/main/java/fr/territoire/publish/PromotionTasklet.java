package fr.territoire.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.PromoteTasklet;
import fr.territoire.warehouse.WarehouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: puts the run's warehouse and its release in service together. It first
 * records the pair in {@code publish/promotion.json} (marker written atomically), then
 * renames {@code next.duckdb} to {@code current.duckdb}, then points {@code latest} at
 * the release, then marks the pair done. Until then readers see the previous pair; a kill
 * at any point leaves the marker, and the same command (or the next run's start, see
 * {@link ReleaseHousekeeping}) finishes the promotion.
 */
public class PromotionTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PromotionTasklet.class);

	private final WarehouseSession warehouse;

	private final int keepReleases;

	/**
	 * The promotion step.
	 * @param warehouse the warehouse session
	 * @param keepReleases how many promoted releases to keep
	 * ({@code territoire.publish.keep-releases})
	 */
	public PromotionTasklet(WarehouseSession warehouse, int keepReleases) {
		this.warehouse = warehouse;
		this.keepReleases = keepReleases;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		String runDate = String.valueOf(step.getJobExecution().getJobParameters().getString("date"));
		long instance = step.getJobExecution().getJobInstance().getInstanceId();
		Path publish = this.warehouse.home().latestRelease().getParent();
		Path release = this.warehouse.home().releases().resolve(Releases.id(runDate, instance));
		if (!Files.isDirectory(release)) {
			throw new TerritoireException(ErrorCode.RELEASE_VERIFICATION, null,
					release + " is missing: the release of this run cannot be promoted with its warehouse");
		}
		Promotion pair = new Promotion(instance, runDate, Releases.id(runDate, instance), false);
		pair.write(publish);
		new PromoteTasklet(this.warehouse).execute(contribution, chunkContext);
		finish(publish, pair, this.warehouse.home().latestRelease(), this.warehouse.home().releases());
		for (Path old : Releases.retain(this.warehouse.home().releases(), this.warehouse.home().latestRelease(),
				this.keepReleases)) {
			logger.info("Removed {}: only the {} most recent releases are kept (territoire.publish.keep-releases)", old,
					this.keepReleases);
		}
		return RepeatStatus.FINISHED;
	}

	static void finish(Path publish, Promotion pair, Path latest, Path releases) throws IOException {
		Releases.pointLatest(latest, releases.resolve(pair.release()));
		Releases.recordPromoted(releases, pair.release());
		pair.completed().write(publish);
		logger.info("Release {} and its warehouse promoted together", pair.release());
	}

}
