-- Closes the open periods whose siret vanished from the stock or whose state or commune changed.
UPDATE core.establishment_history h
SET valid_to = getvariable('stock_month')
WHERE valid_to IS NULL
  AND NOT EXISTS (
    SELECT 1 FROM history_stock s
    WHERE s.siret = h.siret
      AND s.etat_administratif IS NOT DISTINCT FROM h.etat_administratif
      AND s.commune_code IS NOT DISTINCT FROM h.commune_code);
