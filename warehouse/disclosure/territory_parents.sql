SELECT level, territory_code, epci_code, departement_code, region_code
FROM core.territory_parent
WHERE level IN ('commune', 'departement')
ORDER BY level, territory_code
