CREATE TABLE IF NOT EXISTS meta.partner (
    partner_id VARCHAR NOT NULL PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    kind_label VARCHAR NOT NULL,
    contact_name VARCHAR NOT NULL,
    contact_email VARCHAR NOT NULL,
    licence VARCHAR NOT NULL,
    confidentiality VARCHAR NOT NULL
);
