package fr.territoire.schedule;

import java.time.LocalDate;
import java.util.Map;

/**
 * How the scheduler runs jobs: the command line gives it the application's job runner.
 */
public interface JobRuns {

	/**
	 * Runs a job to its end in this thread.
	 * @param job the job
	 * @param date the run date
	 * @param rerun start a new run even if this date already completed
	 * @param parameters job parameters added to the run
	 * @return how it ended: {@code COMPLETED}, {@code ALREADY_COMPLETED}, {@code FAILED},
	 * {@code STOPPED} or {@code BUSY}
	 */
	ScheduleState.Outcome run(String job, LocalDate date, boolean rerun, Map<String, String> parameters);

	/**
	 * Asks the job running in this process to stop at its next step boundary (Spring
	 * Batch's {@code JobOperator#stop}).
	 * @param job the job
	 * @return whether a running execution was asked to stop
	 */
	boolean stop(String job);

}
