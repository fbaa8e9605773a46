-- The stock loaded by this run, one row per siret (the first state and commune when a siret is repeated).
CREATE OR REPLACE TEMP TABLE history_stock AS
SELECT siret, etat_administratif, commune_code
FROM geography.sirene_etablissement
WHERE siret IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY siret ORDER BY etat_administratif, commune_code) = 1;
