CREATE TABLE IF NOT EXISTS core.establishment_history (
    siret VARCHAR NOT NULL,
    etat_administratif VARCHAR,
    commune_code VARCHAR,
    valid_from DATE NOT NULL,
    valid_to DATE
);
