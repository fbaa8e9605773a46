CREATE TABLE IF NOT EXISTS mart.indicator (
    indicator_id VARCHAR PRIMARY KEY,
    label VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    formula VARCHAR NOT NULL,
    numerator VARCHAR NOT NULL,
    denominator VARCHAR,
    denominator_period VARCHAR NOT NULL,
    dimension VARCHAR NOT NULL,
    levels VARCHAR NOT NULL,
    period_kind VARCHAR NOT NULL,
    source VARCHAR,
    vintage VARCHAR,
    scale DOUBLE NOT NULL,
    decimals INTEGER NOT NULL,
    secrecy VARCHAR NOT NULL
);
