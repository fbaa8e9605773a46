CREATE TABLE IF NOT EXISTS meta.partner_feed (
    partner_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    indicator_id VARCHAR
);
