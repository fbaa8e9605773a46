select * from core.commune where departement_code is null or region_code is null
