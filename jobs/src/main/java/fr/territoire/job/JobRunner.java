package fr.territoire.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.territoire.config.RunState;
import fr.territoire.config.TerritoireHome;
import fr.territoire.config.TerritoireProperties;
import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import fr.territoire.warehouse.RunningQuery;
import fr.territoire.warehouse.WarehouseSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a job for a date: one run at a time per home; executions left running by a crashed
 * process are marked failed first; a failed run of the same date resumes at its failed
 * step, unless it was asked to run again ({@code --rerun}) or can no longer resume (a
 * {@link RestartCheck} says why): then it is abandoned and the date starts again from
 * scratch as a new instance; a completed one is not run again unless asked.
 */
@Component
public class JobRunner {

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<String, Job> jobs;

	private final TerritoireHome home;

	private final List<RestartCheck> restartChecks;

	private final TerritoireProperties properties;

	private final RunNotifier notifier;

	private final ProgressProperties progress;

	/** The running job's warehouse session, asked how far its running statement is. */
	private final ObjectProvider<WarehouseSession> warehouse;

	public JobRunner(JobOperator jobOperator, JobRepository jobRepository, Map<String, Job> jobs, TerritoireHome home,
			List<RestartCheck> restartChecks, TerritoireProperties properties, NotifyProperties notify,
			ProgressProperties progress, ObjectProvider<WarehouseSession> warehouse) {
		this.progress = progress;
		this.warehouse = warehouse;
		this.properties = properties;
		this.notifier = new RunNotifier(notify);
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobs = jobs;
		this.home = home;
		this.restartChecks = restartChecks;
	}

	/**
	 * Runs a job.
	 * @param jobName the job
	 * @param date the run date (identifies the run)
	 * @param rerun start a new run even if this date already completed
	 * @param out where to tell the user what happened
	 * @return the outcome
	 */
	public Outcome run(String jobName, LocalDate date, boolean rerun, PrintWriter out) throws IOException {
		return run(jobName, date, rerun, Map.of(), out);
	}

	/**
	 * Runs a job with parameters of its own.
	 * @param jobName the job
	 * @param date the run date (identifies the run)
	 * @param rerun start a new run even if this date already completed
	 * @param parameters job parameters added to a new run (not identifying it); a resumed
	 * run keeps those of the run it resumes
	 * @param out where to tell the user what happened
	 * @return the outcome
	 */
	public Outcome run(String jobName, LocalDate date, boolean rerun, Map<String, String> parameters, PrintWriter out)
			throws IOException {
		Job job = this.jobs.values()
			.stream()
			.filter((candidate) -> candidate.getName().equals(jobName))
			.findFirst()
			.orElse(null);
		if (job == null) {
			out.println("Unknown job '" + jobName + "'. Known jobs: "
					+ this.jobs.values().stream().map(Job::getName).sorted().toList());
			return Outcome.of(Status.UNKNOWN_JOB);
		}
		for (String reserved : List.of("date", "inbox", "rerun")) {
			if (parameters.containsKey(reserved)) {
				throw new TerritoireException(ErrorCode.BAD_USAGE, null,
						"the job parameter '" + reserved + "' is set by the runner (use --date, --inbox or --rerun)");
			}
		}
		Optional<RunLock> lock = RunLock.tryAcquire(this.home.runLock());
		if (lock.isEmpty()) {
			out.println(RunState.active(this.home)
				.map((active) -> "A run is in progress (" + active.describe() + ") in " + this.home.root()
						+ "; try again when it ends.")
				.orElse("Another run is in progress in " + this.home.root() + " (lock " + this.home.runLock()
						+ "); try again when it ends."));
			return Outcome.failed(ErrorCode.RUN_CONFLICT);
		}
		try (RunLock held = lock.get();
				RunStateTracker state = RunStateTracker.start(this.jobRepository, this.home, jobName, date,
						this.progress.logEvery(), runningQuery())) {
			recoverCrashedExecutions(jobName, out);
			JobParametersBuilder jobParameters = new JobParametersBuilder().addString("date", date.toString())
				.addString("inbox", this.home.inbox().toString(), false);
			for (Map.Entry<String, String> parameter : parameters.entrySet()) {
				jobParameters.addString(parameter.getKey(), parameter.getValue(), false);
			}
			JobExecution last = lastExecution(jobName, date);
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				if (!rerun) {
					out.println("The " + jobName + " run of " + date + " already completed (execution " + last.getId()
							+ ", ended " + last.getEndTime() + "); nothing to do. Use --rerun to run it again.");
					return Outcome.of(Status.ALREADY_COMPLETED);
				}
				jobParameters.addString("rerun", Instant.now().toString());
			}
			else if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
				jobParameters.addString("rerun", Instant.now().toString());
			}
			else if (last != null) {
				Optional<String> startAgain = rerun ? Optional.of("--rerun was given")
						: startAgainReason(jobName, last, out);
				if (startAgain.isPresent()) {
					abandon(jobName, date, last, startAgain.get(), out);
					jobParameters.addString("rerun", Instant.now().toString());
				}
				else {
					tell(out, "Resuming the " + jobName + " run of " + date + " (execution " + last.getId() + " ended "
							+ last.getStatus() + ") at its failed step.");
					jobParameters = new JobParametersBuilder(last.getJobParameters()).addString("inbox",
							this.home.inbox().toString(), false);
				}
			}
			JobExecution execution = this.jobOperator.start(job, jobParameters.toJobParameters());
			try {
				Outcome outcome = report(execution, out);
				out.flush();
				this.notifier.notify(
						Map.of("TERRITOIRE_STATUS", execution.getStatus().toString(), "TERRITOIRE_REPORT",
								execution.getExecutionContext().containsKey("report.path")
										? execution.getExecutionContext().getString("report.path") : "",
								"TERRITOIRE_JOB", jobName, "TERRITOIRE_DATE", date.toString(), "TERRITOIRE_EXECUTION",
								String.valueOf(execution.getId()), "TERRITOIRE_HOME", this.home.root().toString()),
						this.home.log());
				return outcome;
			}
			finally {
				org.slf4j.MDC.remove("run");
			}
		}
		catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException
				| org.springframework.batch.core.launch.JobRestartException
				| org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException
				| org.springframework.batch.core.job.parameters.InvalidJobParametersException ex) {
			out.println("Cannot start " + jobName + ": " + ex.getMessage());
			return Outcome.failed(ErrorCode.RUN_CONFLICT);
		}
	}

	/**
	 * Asks the executions of a job running in this process to stop at their next step
	 * boundary ({@link JobOperator#stop}): the step running ends, the next does not
	 * start, and the execution ends {@code STOPPED}, to resume when the same date runs
	 * again.
	 * @param jobName the job
	 * @return whether an execution was asked to stop
	 */
	public boolean stop(String jobName) {
		boolean asked = false;
		for (JobExecution running : this.jobRepository.findRunningJobExecutions(jobName)) {
			try {
				asked |= this.jobOperator.stop(running);
				logger.info("Execution {} of {} asked to stop at its next step boundary", running.getId(), jobName);
			}
			catch (org.springframework.batch.core.launch.JobExecutionNotRunningException ex) {
				logger.debug("Execution {} is no longer running", running.getId());
			}
		}
		return asked;
	}

	/**
	 * The last execution of the newest instance of a job for a date: the first run of the
	 * date or a later new run of it (--rerun, or a run started again from scratch).
	 */
	private @Nullable JobExecution lastExecution(String jobName, LocalDate date) {
		JobInstance newest = null;
		for (JobInstance instance : this.jobRepository.findJobInstances(jobName)) {
			JobExecution execution = this.jobRepository.getLastJobExecution(instance);
			if (execution != null && date.toString().equals(execution.getJobParameters().getString("date"))
					&& (newest == null || instance.getInstanceId() > newest.getInstanceId())) {
				newest = instance;
			}
		}
		return (newest != null) ? this.jobRepository.getLastJobExecution(newest) : null;
	}

	private Optional<String> startAgainReason(String jobName, JobExecution failed, PrintWriter out) {
		Set<String> completed = new HashSet<>();
		for (JobExecution execution : this.jobRepository.getJobExecutions(failed.getJobInstance())) {
			execution.getStepExecutions()
				.stream()
				.filter((step) -> step.getStatus() == BatchStatus.COMPLETED)
				.forEach((step) -> completed.add(step.getStepName()));
		}
		return this.restartChecks.stream()
			.filter((check) -> check.job().equals(jobName))
			.map((check) -> check.reasonToStartAgain(failed.getJobInstance(), completed, out))
			.flatMap(Optional::stream)
			.findFirst();
	}

	/**
	 * Marks a failed execution abandoned (it will never resume) and removes what it left,
	 * so that the date starts again from scratch as a new instance.
	 */
	private void abandon(String jobName, LocalDate date, JobExecution failed, String reason, PrintWriter out) {
		tell(out,
				"Starting the " + jobName + " run of " + date + " again from scratch (" + reason + "): execution "
						+ failed.getId() + " (instance " + failed.getJobInstance().getInstanceId() + ", ended "
						+ failed.getStatus() + ") is abandoned.");
		try {
			this.jobOperator.abandon(failed);
		}
		catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException ex) {
			throw new TerritoireException(ErrorCode.RUN_CONFLICT, null,
					"cannot abandon execution " + failed.getId() + ": " + ex.getMessage(), ex);
		}
		this.restartChecks.stream()
			.filter((check) -> check.job().equals(jobName))
			.forEach((check) -> check.abandon(failed.getJobInstance(), date.toString(), out));
	}

	private static void tell(PrintWriter out, String message) {
		logger.info(message);
		out.println(message);
	}

	private void recoverCrashedExecutions(String jobName, PrintWriter out) {
		for (JobExecution running : this.jobRepository.findRunningJobExecutions(jobName)) {
			out.println("Execution " + running.getId() + " was left " + running.getStatus()
					+ " by a process that stopped without finishing (crash or kill); marking it failed so that it "
					+ "can resume.");
			this.jobOperator.recover(running);
		}
	}

	private Outcome report(JobExecution execution, PrintWriter out) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			out.println("Run completed (execution " + execution.getId() + ").");
			out.println("  warehouse: " + this.home.currentWarehouse());
			execution.getStepExecutions()
				.stream()
				.filter((step) -> step.getExecutionContext().containsKey("release.path"))
				.findFirst()
				.ifPresent(
						(step) -> out.println("  release:   " + step.getExecutionContext().getString("release.path")));
			out.println("  latest:    " + this.home.latestRelease());
			if (execution.getExecutionContext().containsKey("report.path")) {
				out.println("  report:    " + execution.getExecutionContext().getString("report.path"));
			}
			return Outcome.of(Status.COMPLETED);
		}
		if (execution.getStatus() == BatchStatus.STOPPED) {
			out.println("Run STOPPED at a step boundary (execution " + execution.getId() + "); steps not completed: "
					+ execution.getStepExecutions()
						.stream()
						.filter((step) -> step.getStatus() != BatchStatus.COMPLETED)
						.map((step) -> step.getStepName() + " " + step.getStatus())
						.toList()
					+ ". Run the same command again: it resumes there.");
			return Outcome.of(Status.STOPPED);
		}
		out.println("Run " + execution.getStatus() + " (execution " + execution.getId() + ").");
		List<Throwable> failures = new ArrayList<>();
		execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus() != BatchStatus.COMPLETED)
			.forEach((step) -> {
				out.println("  step " + step.getStepName() + ": " + step.getStatus());
				step.getFailureExceptions().forEach((failure) -> {
					out.println("    " + describe(failure));
					failures.add(failure);
				});
			});
		execution.getFailureExceptions().forEach((failure) -> {
			out.println("  " + describe(failure));
			failures.add(failure);
		});
		ErrorCode code = failures.stream()
			.map(JobRunner::coded)
			.flatMap(Optional::stream)
			.map(TerritoireException::code)
			.findFirst()
			.orElse(ErrorCode.INTERNAL);
		if (code.kind() == ErrorCode.Kind.INTERNAL) {
			out.println("This is a bug: the full log is in " + this.home.log() + "; please report it with the log.");
		}
		if (execution.getExecutionContext().containsKey("report.path")) {
			out.println("Its report: " + execution.getExecutionContext().getString("report.path"));
		}
		if (Files.exists(this.home.nextWarehouse())) {
			out.println("Its warehouse is kept: look at its rejected rows with: territoire rejects --home "
					+ this.home.root() + " (--source S, --limit N); at its audits with territoire sql --failed-run");
		}
		out.println("Fix the cause, then run the same command again: the run resumes at the failed step.");
		logger.debug("Failed execution {}", execution);
		return Outcome.failed(code);
	}

	private static Optional<TerritoireException> coded(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof TerritoireException coded) {
				return Optional.of(coded);
			}
		}
		return Optional.empty();
	}

	private String describe(Throwable failure) {
		return coded(failure).map(TerritoireException::getMessage)
			.orElse("[" + ErrorCode.INTERNAL + "] " + failure.getClass().getSimpleName() + ": " + failure.getMessage())
				+ resourceHint(failure);
	}

	/**
	 * Which of our settings to change when DuckDB ran out of memory or of disk (its own
	 * message names its SQL settings, which a user of territoire does not set).
	 */
	private String resourceHint(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			String message = String.valueOf(current.getMessage());
			if (message.contains("Out of Memory Error")) {
				return "\n    The warehouse ran out of memory (territoire.warehouse.memory-limit is "
						+ this.properties.warehouse().memoryLimit()
						+ "): raise territoire.warehouse.memory-limit (e.g. TERRITOIRE_WAREHOUSE_MEMORYLIMIT=4GB), or "
						+ "lower territoire.warehouse.threads (now " + this.properties.warehouse().threads()
						+ "); current.duckdb was not touched.";
			}
			if (message.contains("No space left on device") || message.contains("max_temp_directory_size")) {
				return "\n    The disk is full: free space on the disk of " + this.home.warehouseFolder()
						+ " (the warehouse under construction and its spill folder "
						+ this.home.nextWarehouse().getFileName() + ".tmp live there); current.duckdb was not touched.";
			}
		}
		return "";
	}

	/**
	 * What a run ended with.
	 *
	 * @param status how it ended
	 * @param failure the code of its failure, null unless it failed
	 */
	public record Outcome(Status status, @Nullable ErrorCode failure) {

		static Outcome of(Status status) {
			return new Outcome(status, null);
		}

		static Outcome failed(ErrorCode code) {
			return new Outcome(Status.FAILED, code);
		}

	}

	/** How a run ended. */
	public enum Status {

		COMPLETED, ALREADY_COMPLETED, FAILED, UNKNOWN_JOB,

		/** Stopped at a step boundary (JobOperator#stop); the same date resumes it. */
		STOPPED

	}

	/**
	 * What DuckDB says of the statement the job is running, if the job has a warehouse.
	 */
	private java.util.function.Supplier<java.util.Optional<RunningQuery>> runningQuery() {
		WarehouseSession session = this.warehouse.getIfAvailable();
		return (session != null) ? session::runningQuery : java.util.Optional::empty;
	}

}
