CREATE TABLE IF NOT EXISTS mart.indicator (
    indicator_id VARCHAR PRIMARY KEY,
    label VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    numerator VARCHAR NOT NULL,
    denominator VARCHAR,
    scale DOUBLE NOT NULL
);
