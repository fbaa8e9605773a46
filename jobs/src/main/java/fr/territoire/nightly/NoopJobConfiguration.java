package fr.territoire.nightly;

import fr.territoire.job.TaskletSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code noop} job: two steps ({@code noop.first}, {@code noop.second}) that touch
 * nothing and each wait the job parameter {@code step-millis} (default 0). It checks that
 * running, scheduling, stopping and restarting work without building a warehouse (the
 * scheduler's tests run it every second).
 */
@Configuration(proxyBeanMethods = false)
public class NoopJobConfiguration {

	/** The job's name, as given to {@code territoire run} and schedules. */
	public static final String JOB_NAME = "noop";

	@Bean
	Job noopJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		TaskletSteps steps = new TaskletSteps(jobRepository, transactionManager);
		return new JobBuilder(JOB_NAME, jobRepository).start(steps.step("noop.first", waiting()))
			.next(steps.step("noop.second", waiting()))
			.build();
	}

	private static Tasklet waiting() {
		return (contribution, chunkContext) -> {
			JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
			String millis = parameters.getString("step-millis");
			if (millis != null) {
				Thread.sleep(Long.parseLong(millis));
			}
			return RepeatStatus.FINISHED;
		};
	}

}
