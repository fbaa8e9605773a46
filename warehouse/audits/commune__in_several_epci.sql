select commune_code, count(*) as epci_count from core.commune group by commune_code having count(*) > 1
