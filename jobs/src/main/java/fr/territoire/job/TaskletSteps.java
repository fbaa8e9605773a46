package fr.territoire.job;

import java.util.Objects;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the steps of a job the same way: one tasklet each, logged when it starts and
 * ends, restartable from the job repository.
 *
 * @param jobRepository the job repository
 * @param transactionManager the job repository's transaction manager
 */
public record TaskletSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager) {

	public TaskletSteps {
		Objects.requireNonNull(jobRepository, "jobRepository is null");
		Objects.requireNonNull(transactionManager, "transactionManager is null");
	}

	/** A step named {@code name} running {@code tasklet}. */
	public Step step(String name, Tasklet tasklet) {
		var builder = new StepBuilder(name, this.jobRepository).tasklet(tasklet, this.transactionManager)
			.listener(new StepLoggingListener());
		TestHaltListener.fromEnvironment().ifPresent(builder::listener);
		return builder.build();
	}

}
