-- Opens a period for every siret of the stock without an open period (new, or closed just before as changed).
INSERT INTO core.establishment_history
SELECT siret, etat_administratif, commune_code, getvariable('stock_month'), NULL
FROM history_stock s
WHERE NOT EXISTS (
    SELECT 1 FROM core.establishment_history h
    WHERE h.siret = s.siret AND h.valid_to IS NULL);
