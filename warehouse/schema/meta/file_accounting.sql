CREATE TABLE IF NOT EXISTS meta.file_accounting (
    source VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL,
    rows_staged BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    reused_from_previous_run BOOLEAN NOT NULL,
    PRIMARY KEY (source, file)
);
