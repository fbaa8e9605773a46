package fr.territoire.nightly;

import java.util.Set;

/**
 * The names of the jobs this application defines, for checks made without starting them
 * (schedules must name one). Each job's configuration class owns its name; running a job
 * finds it among the {@code Job} beans by that name.
 */
public final class Jobs {

	/** Every job name. */
	public static final Set<String> NAMES = Set.of(NightlyJobConfiguration.JOB_NAME, NoopJobConfiguration.JOB_NAME);

	private Jobs() {
	}

}
