CREATE TABLE IF NOT EXISTS mart.disclosure_audit (
    table_id VARCHAR,
    period INTEGER,
    cells BIGINT,
    published BIGINT,
    secret BIGINT,
    unpublished_primary BIGINT,
    determined BIGINT,
    interval_checked BIGINT,
    interval_failed BIGINT,
    singleton_failed BIGINT,
    seconds DOUBLE
)
