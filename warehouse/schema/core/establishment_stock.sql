CREATE TABLE IF NOT EXISTS core.establishment_stock (
    stock_month DATE NOT NULL PRIMARY KEY,
    run_date DATE NOT NULL,
    fingerprint VARCHAR NOT NULL,
    establishments BIGINT NOT NULL
);
