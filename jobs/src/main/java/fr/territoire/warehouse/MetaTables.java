package fr.territoire.warehouse;

/**
 * Tables every warehouse has: run identity, input files, per-file row accounting,
 * rejected rows, audit results.
 */
public final class MetaTables {

	public static final String DDL = """
			CREATE TABLE IF NOT EXISTS meta.run (
			    job_instance_id BIGINT NOT NULL,
			    job_name VARCHAR NOT NULL,
			    run_date DATE NOT NULL,
			    started_at TIMESTAMP NOT NULL
			);
			CREATE TABLE IF NOT EXISTS meta.input_file (
			    source VARCHAR NOT NULL,
			    file VARCHAR NOT NULL,
			    bytes BIGINT NOT NULL,
			    sha256 VARCHAR NOT NULL,
			    vintage VARCHAR,
			    discovered_at TIMESTAMP NOT NULL,
			    PRIMARY KEY (source, file)
			);
			CREATE TABLE IF NOT EXISTS meta.file_accounting (
			    source VARCHAR NOT NULL,
			    file VARCHAR NOT NULL,
			    rows_read BIGINT NOT NULL,
			    rows_staged BIGINT NOT NULL,
			    rows_rejected BIGINT NOT NULL,
			    reused_from_previous_run BOOLEAN NOT NULL,
			    PRIMARY KEY (source, file)
			);
			CREATE TABLE IF NOT EXISTS meta.unknown_column (
			    source VARCHAR NOT NULL,
			    file VARCHAR NOT NULL,
			    column_name VARCHAR NOT NULL,
			    position INTEGER NOT NULL
			);
			CREATE TABLE IF NOT EXISTS quality.rejected_row (
			    source VARCHAR NOT NULL,
			    file VARCHAR NOT NULL,
			    record BIGINT,
			    rule VARCHAR NOT NULL,
			    column_name VARCHAR,
			    value VARCHAR,
			    message VARCHAR NOT NULL
			);
			CREATE TABLE IF NOT EXISTS quality.audit_result (
			    audit VARCHAR NOT NULL PRIMARY KEY,
			    description VARCHAR NOT NULL,
			    blocking BOOLEAN NOT NULL,
			    offending_rows BIGINT NOT NULL,
			    sample VARCHAR
			);
			""";

	private MetaTables() {
	}

}
