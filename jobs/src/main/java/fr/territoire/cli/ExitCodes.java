package fr.territoire.cli;

/**
 * Exit codes of every command.
 */
public final class ExitCodes {

	/** Success. */
	public static final int SUCCESS = 0;

	/** The job failed: the reason is printed and the run can resume. */
	public static final int JOB_FAILED = 1;

	/** Bad usage or invalid configuration. */
	public static final int USAGE = 2;

	private ExitCodes() {
	}

}
