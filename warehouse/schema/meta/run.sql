CREATE TABLE IF NOT EXISTS meta.run (
    job_instance_id BIGINT NOT NULL,
    job_name VARCHAR NOT NULL,
    run_date DATE NOT NULL,
    started_at TIMESTAMP NOT NULL
);
