CREATE TABLE IF NOT EXISTS meta.input_file (
    source VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    bytes BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    vintage VARCHAR,
    discovered_at TIMESTAMP NOT NULL,
    PRIMARY KEY (source, file)
);
