-- Copies the history kept by the last good warehouse, attached read-only as previous (never written).
INSERT INTO core.establishment_history BY NAME
SELECT siret, etat_administratif, commune_code, valid_from, valid_to
FROM previous.core.establishment_history;
INSERT INTO core.establishment_stock BY NAME
SELECT stock_month, run_date, fingerprint, establishments
FROM previous.core.establishment_stock;
