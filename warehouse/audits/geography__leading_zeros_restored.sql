select * from geography.commune_code_repair
