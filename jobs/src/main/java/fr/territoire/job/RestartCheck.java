package fr.territoire.job;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.job.JobInstance;

/**
 * What a job knows about its own restarts: whether a failed instance can still resume
 * where it failed, and how to remove what an abandoned instance left behind.
 */
public interface RestartCheck {

	/** The name of the job this check is for. */
	String job();

	/**
	 * Why the failed instance cannot resume where it failed and must start again from
	 * scratch (for example its warehouse under construction was replaced by a run of
	 * another date, or an input it already read changed), or empty if it can resume.
	 * @param failed the failed instance
	 * @param completedSteps the steps it completed
	 * @param out where to tell the user what the restart takes into account
	 * @return the reason to start again, or empty
	 */
	Optional<String> reasonToStartAgain(JobInstance failed, Set<String> completedSteps, PrintWriter out);

	/**
	 * Removes what an abandoned instance left: its warehouse under construction (if it is
	 * still its own) and its partial or unpromoted release.
	 * @param abandoned the abandoned instance
	 * @param date its run date
	 * @param out where to tell the user what was removed
	 */
	void abandon(JobInstance abandoned, String date, PrintWriter out);

}
