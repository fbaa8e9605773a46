CREATE TABLE IF NOT EXISTS quality.audit_result (
    audit VARCHAR NOT NULL PRIMARY KEY,
    description VARCHAR NOT NULL,
    blocking BOOLEAN NOT NULL,
    offending_rows BIGINT NOT NULL,
    sample VARCHAR
);
