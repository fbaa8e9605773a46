package fr.territoire.error;

/**
 * The small set of error codes Territoire reports. User errors are about inputs or
 * configuration (fix the file and run again); internal errors are bugs or environment
 * failures.
 */
public enum ErrorCode {

	/** A mapping, model, indicator, audit or schedule file is invalid. */
	BAD_CONFIGURATION(Kind.USER),
	/** An input file cannot be read (encoding, quoting, layout, corrupt container). */
	UNREADABLE_INPUT(Kind.USER),
	/** An input file lacks a column its mapping declares. */
	MISSING_COLUMN(Kind.USER),
	/** No input file matches a mapping that requires one. */
	MISSING_INPUT(Kind.USER),
	/** Rows read differ from rows staged plus rows rejected. */
	ROW_ACCOUNTING(Kind.INTERNAL),
	/** A blocking audit returned offending rows. */
	AUDIT_FAILED(Kind.USER),
	/** A release failed its verification before being made public. */
	RELEASE_VERIFICATION(Kind.INTERNAL),
	/** The warehouse could not be opened, written or promoted. */
	WAREHOUSE(Kind.INTERNAL);

	private final Kind kind;

	ErrorCode(Kind kind) {
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	/** Who must act. */
	public enum Kind {

		USER, INTERNAL

	}

}
