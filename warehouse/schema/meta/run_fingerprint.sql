CREATE TABLE IF NOT EXISTS meta.run_fingerprint (
    job_instance_id BIGINT NOT NULL,
    inputs VARCHAR NOT NULL,
    configuration VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    reused_release VARCHAR,
    reason VARCHAR NOT NULL
);
