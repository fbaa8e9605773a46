-- Who the territory is: its name and its parents (with their levels, to link to their profiles).
select level, code as territory_code,
    to_json({
        'name': name,
        'parents': [p for p in [
            case when epci_code is not null and level = 'commune' then {'level': 'epci', 'code': epci_code, 'name': epci_name} end,
            case when departement_code is not null and level in ('commune', 'epci') then {'level': 'departement', 'code': departement_code, 'name': departement_name} end,
            case when region_code is not null and level in ('commune', 'epci', 'departement') then {'level': 'region', 'code': region_code, 'name': region_name} end
        ] if p is not null]
    }) as data
from release.territories
where level in ('commune', 'epci', 'departement', 'region')
