package fr.territoire.reuse;

import java.util.Optional;

import fr.territoire.warehouse.RunReuse;
import fr.territoire.warehouse.WarehouseSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A computing step that does nothing when the run reuses the last promoted release
 * ({@link ReuseTasklet}): it logs why, ends with the exit status {@code NOOP} and records
 * the release in its context ({@code reused.release}); otherwise it runs its tasklet.
 *
 * @param warehouse the warehouse session
 * @param tasklet what the step does when the run computes
 */
public record SkipWhenReused(WarehouseSession warehouse, Tasklet tasklet) implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(SkipWhenReused.class);

	@Override
	public @Nullable RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		Optional<String> reused = RunReuse.reusedRelease(this.warehouse.connection());
		if (reused.isEmpty()) {
			return this.tasklet.execute(contribution, chunkContext);
		}
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		String why = "skipped: inputs, configuration and code unchanged since release " + reused.get()
				+ ", whose outputs this run reuses";
		logger.info("Step {} {}", step.getStepName(), why);
		step.getExecutionContext().putString("reused.release", reused.get());
		contribution.setExitStatus(ExitStatus.NOOP.addExitDescription(why));
		return RepeatStatus.FINISHED;
	}

}
