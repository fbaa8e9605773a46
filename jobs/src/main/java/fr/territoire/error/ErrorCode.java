package fr.territoire.error;

/**
 * The error codes Territoire reports. Each code's {@link Kind} says who must act and
 * decides the exit code: nothing else does.
 */
public enum ErrorCode {

	/** The command line is wrong: an unknown job, an option out of range. */
	BAD_USAGE(Kind.USAGE),
	/**
	 * A mapping, model, audit, indicator, publication, schedule or property is invalid.
	 */
	BAD_CONFIGURATION(Kind.USAGE),
	/**
	 * An ad-hoc SQL query was refused by DuckDB (syntax, unknown table, forbidden
	 * access).
	 */
	BAD_QUERY(Kind.USAGE),
	/** An input file cannot be read (encoding, quoting, layout, corrupt container). */
	UNREADABLE_INPUT(Kind.FAILURE),
	/** An input file lacks a column its mapping declares. */
	MISSING_COLUMN(Kind.FAILURE),
	/** No input file matches a mapping that requires one. */
	MISSING_INPUT(Kind.FAILURE),
	/** A file was read, but more of its rows were rejected than its mapping allows. */
	REJECT_RATE_EXCEEDED(Kind.FAILURE),
	/** A blocking audit returned offending rows. */
	AUDIT_FAILED(Kind.FAILURE),
	/**
	 * The disclosure audit found a secret cell that published values let anyone
	 * recompute, or narrow below its protection interval.
	 */
	SECRET_RECOVERABLE(Kind.FAILURE),
	/** Another run holds the home folder, or a run cannot resume where it stopped. */
	RUN_CONFLICT(Kind.FAILURE),
	/**
	 * The warehouse could not be opened, written or promoted (disk, lock, missing file).
	 */
	WAREHOUSE(Kind.FAILURE),
	/** Rows read differ from rows staged plus rows rejected. */
	ROW_ACCOUNTING(Kind.INTERNAL),
	/** A release failed its verification before being made public. */
	RELEASE_VERIFICATION(Kind.INTERNAL),
	/** Anything unexpected: a bug. */
	INTERNAL(Kind.INTERNAL);

	private final Kind kind;

	ErrorCode(Kind kind) {
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	/** Who must act, and the exit code that tells them. */
	public enum Kind {

		/**
		 * Bad usage or configuration: fix the command or the files, then run again. Exit
		 * 2.
		 */
		USAGE(2),
		/**
		 * The input or the run failed: fix the input (or the environment) and run the
		 * same command again; the run resumes at its failed step. Exit 1.
		 */
		FAILURE(1),
		/** A bug: the message says so and where the full log is. Exit 1. */
		INTERNAL(1);

		private final int exitCode;

		Kind(int exitCode) {
			this.exitCode = exitCode;
		}

		public int exitCode() {
			return this.exitCode;
		}

	}

}
