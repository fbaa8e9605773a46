-- COG communes of every type, with their links: arrondissement → commune, commune déléguée/associée → chef-lieu,
-- former codes of each current commune.
with source as (
    select * from raw.cog_commune
),

renamed as (
    select
        _file,
        _record,
        cog_vintage(_file) as vintage,
        code,
        nom,
        type,
        departement,
        region,
        commune as commune_parent,
        chefLieu as chef_lieu,
        coalesce(from_json(anciensCodes, '["VARCHAR"]'), []) as anciens_codes,
        try_cast(population as bigint) as population
    from source
),

final as (
    select
        *,
        case
            when vintage is null
                then cog_vintage_reject(_file)
            when code is null
                then {'rule': 'required', 'column_name': 'code', 'value': null, 'message': 'code is required'}
            when not commune_code_is_valid(code)
                then {'rule': 'pattern', 'column_name': 'code', 'value': code,
                      'message': 'a commune code is 5 characters'}
            when type is null or type not in ('commune-actuelle', 'commune-deleguee', 'commune-associee',
                                              'arrondissement-municipal')
                then {'rule': 'allowed_values', 'column_name': 'type', 'value': type,
                      'message': 'unknown commune type'}
            when type = 'arrondissement-municipal' and commune_parent is null
                then {'rule': 'required', 'column_name': 'commune', 'value': null,
                      'message': 'an arrondissement municipal needs its commune'}
            when type in ('commune-deleguee', 'commune-associee') and chef_lieu is null
                then {'rule': 'required', 'column_name': 'chefLieu', 'value': null,
                      'message': 'a commune déléguée or associée needs its chef-lieu'}
            when departement is null or region is null
                then {'rule': 'required', 'column_name': 'departement', 'value': departement,
                      'message': 'a commune needs its département and région'}
        end as reject
    from renamed
)

select * from final
