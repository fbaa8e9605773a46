package fr.territoire.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.territoire.config.TerritoireHome;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * Reads recent runs from the job repository, with their times in the zone of this machine
 * (that of the job repository's times) and their run reports.
 */
@Service
public class StatusService {

	private final JobRepository jobRepository;

	private final TerritoireHome home;

	private final ZoneId zone = ZoneId.systemDefault();

	public StatusService(JobRepository jobRepository, TerritoireHome home) {
		this.jobRepository = jobRepository;
		this.home = home;
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
			.map(this::toStatus)
			.toList();
	}

	private RunStatus toStatus(JobExecution execution) {
		List<RunStatus.Step> steps = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.map((step) -> new RunStatus.Step(step.getStepName(), status(step), step.getReadCount(),
					step.getWriteCount(), step.getFilterCount(),
					(step.getStartTime() != null && step.getEndTime() != null)
							? Duration.between(step.getStartTime(), step.getEndTime()).toMillis() : 0))
			.toList();
		String date = execution.getJobParameters().getString("date");
		// the name the run report is written under (report.RunReportWriter#path)
		Path report = this.home.reports().resolve(date + "-" + execution.getJobInstance().getInstanceId() + ".html");
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = execution.getEndTime();
		return new RunStatus(execution.getJobInstance().getJobName(), date, execution.getId(),
				execution.getJobInstance().getInstanceId(), execution.getStatus().toString(),
				execution.getExitStatus().getExitCode(), time(start), time(end), this.zone.getId(),
				(start != null) ? Duration.between(start, (end != null) ? end : LocalDateTime.now()).toMillis() : 0,
				Files.isRegularFile(report) ? report.toString() : null, steps);
	}

	/**
	 * A step's status; a step skipped because the run reused the last promoted run's
	 * outputs (docs/operations.md) says so and names the release.
	 */
	private static String status(StepExecution step) {
		if (step.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED
				&& ExitStatus.NOOP.getExitCode().equals(step.getExitStatus().getExitCode())
				&& step.getExecutionContext().containsKey("reused.release")) {
			return "SKIPPED (unchanged: reuses release " + step.getExecutionContext().getString("reused.release") + ")";
		}
		return step.getStatus() + (step.getExecutionContext().containsKey("reuse.reason")
				? " (" + step.getExecutionContext().getString("reuse.reason") + ")" : "");
	}

	private @Nullable String time(@Nullable LocalDateTime time) {
		return (time != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(this.zone)) : null;
	}

}
