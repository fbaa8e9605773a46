select * from geography.unmapped_commune_code
