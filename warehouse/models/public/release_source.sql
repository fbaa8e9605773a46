-- The sources of the run with their editions, read by the publish step for datapackage.json and catalog.jsonld (not
-- published as a table): one row per mapping source given, plus the activity nomenclatures the register uses. The
-- SIRENE stock's date is the latest processing date (dateDernierTraitement) in the establishment stock; the COG
-- vintage is the target one; the populations edition is the latest reference year loaded. A source sent by a partner
-- (partner key of its mapping, meta.partner_feed) is credited by the partner's name, with the date its workbook states
-- (else the run's date).
with files as (
    select source, count(*) as files, string_agg(file, ', ' order by file) as file_names, max(vintage) as vintage
    from meta.input_file
    group by source
),

sirene as (
    select max(date_dernier_traitement) as stock_date from staging.stg_sirene__etablissement
),

cog as (
    select max(vintage) as vintage from geography.vintage where is_target
),

populations as (
    select max(period) as edition from core.population
),

partners as (
    select f.source, string_agg(p.name, ', ' order by p.name) as names
    from (select distinct partner_id, source from meta.partner_feed) f
    join meta.partner p on p.partner_id = f.partner_id
    group by f.source
),

deliveries as (
    select source, max(file_date) as file_date, max(run_date) as run_date
    from meta.partner_delivery
    group by source
),

nomenclatures as (
    select string_agg(nomenclature_activite, ', ' order by establishments desc, nomenclature_activite) as versions
    from (
        select nomenclature_activite, count(*) as establishments
        from core.establishment
        where nomenclature_activite is not null
        group by all
    )
),

final as (
    select
        f.source,
        case
            when pn.names is not null then pn.names
            when f.source like 'sirene%' then 'Insee, base Sirene des entreprises et de leurs établissements'
            when f.source like 'cog%' then 'Insee, Code officiel géographique'
            when f.source = 'insee_population_commune' then 'Insee, populations de référence'
            when f.source like 'insee%' then 'Insee'
            else 'Fichiers des partenaires'
        end as title,
        case
            when pn.names is not null
                then coalesce('fichier du ' || strftime(dl.file_date, '%Y-%m-%d'),
                    'livré pour l''exécution du ' || strftime(dl.run_date, '%Y-%m-%d'), 'livraison non datée')
            when f.source like 'sirene%' then 'stock du ' || coalesce(strftime((select stock_date from sirene), '%Y-%m-%d'), 'inconnu')
            when f.source like 'cog%' then 'COG ' || coalesce((select vintage from cog), 'inconnu')
            when f.source = 'insee_population_commune'
                then 'populations de référence ' || coalesce(cast((select edition from populations) as varchar), 'inconnues')
            else coalesce('millésime ' || f.vintage, 'millésime non déclaré')
        end as edition,
        f.files,
        f.file_names
    from files f
    left join partners pn on pn.source = f.source
    left join deliveries dl on dl.source = f.source
    union all
    select
        'naf',
        'Insee, Nomenclature d''activités française',
        'nomenclatures du répertoire : ' || versions,
        0,
        null
    from nomenclatures
    where versions is not null
)

select * from final
