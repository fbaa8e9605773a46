package fr.territoire.report;

import fr.territoire.error.ErrorCode;

/**
 * What to do when a run failed with an error code, as the report and the console say it.
 */
public final class FailureHints {

	/** The command that shows the rejected rows of a failed run. */
	public static final String REJECTS_COMMAND = "territoire rejects";

	private FailureHints() {
	}

	/**
	 * What to do about a failure.
	 * @param code its error code
	 * @return the advice
	 */
	public static String hint(ErrorCode code) {
		String resume = " Then run the same command again: the run resumes at the failed step.";
		return switch (code) {
			case REJECT_RATE_EXCEEDED -> "Look at the rejected rows (below, or with '" + REJECTS_COMMAND
					+ " --source <source>'), fix the file in the inbox or raise the mapping's max_reject_rate."
					+ resume;
			case UNREADABLE_INPUT, MISSING_COLUMN ->
				"Fix the input file named in the message (or its mapping)." + resume;
			case MISSING_INPUT -> "Put the missing file in the inbox." + resume;
			case AUDIT_FAILED, SECRET_RECOVERABLE -> "Look at the audit results below and at the offending rows "
					+ "(territoire sql --failed-run), fix the input or the model." + resume;
			case RUN_CONFLICT -> "Another run holds the home, or this run cannot resume: follow the message "
					+ "(often: wait for the other run, or start the date again with --rerun).";
			case WAREHOUSE -> "Check the disk and the warehouse folder (space, permissions, locks)." + resume;
			default -> code.kind() == ErrorCode.Kind.INTERNAL
					? "This is a bug: report it with the log (logs/territoire.log under the home)."
					: "Fix the cause named in the message." + resume;
		};
	}

}
