CREATE TABLE IF NOT EXISTS quality.rejected_row (
    source VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    record BIGINT,
    rule VARCHAR NOT NULL,
    column_name VARCHAR,
    value VARCHAR,
    message VARCHAR NOT NULL
);
