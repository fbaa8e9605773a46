CREATE TABLE IF NOT EXISTS meta.partner_delivery (
    partner_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    file_date DATE,
    run_date DATE NOT NULL
);
