package fr.territoire.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * Reads recent runs from the job repository.
 */
@Service
public class StatusService {

	private final JobRepository jobRepository;

	public StatusService(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** The most recent executions of every job, newest first. */
	public List<RunStatus> recentRuns(int limit) {
		List<JobExecution> executions = new ArrayList<>();
		for (String job : this.jobRepository.getJobNames()) {
			for (JobInstance instance : this.jobRepository.getJobInstances(job, 0, limit)) {
				executions.addAll(this.jobRepository.getJobExecutions(instance));
			}
		}
		return executions.stream()
			.sorted(Comparator.comparing(JobExecution::getId).reversed())
			.limit(limit)
			.map(StatusService::toStatus)
			.toList();
	}

	private static RunStatus toStatus(JobExecution execution) {
		List<RunStatus.Step> steps = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.map((step) -> new RunStatus.Step(step.getStepName(), step.getStatus().toString(), step.getReadCount(),
					step.getWriteCount(), step.getFilterCount(),
					(step.getStartTime() != null && step.getEndTime() != null)
							? Duration.between(step.getStartTime(), step.getEndTime()).toMillis() : 0))
			.toList();
		return new RunStatus(execution.getJobInstance().getJobName(), execution.getJobParameters().getString("date"),
				execution.getId(), execution.getJobInstance().getInstanceId(), execution.getStatus().toString(),
				execution.getExitStatus().getExitCode(),
				(execution.getStartTime() != null) ? execution.getStartTime().toString() : null,
				(execution.getEndTime() != null) ? execution.getEndTime().toString() : null, steps);
	}

}
