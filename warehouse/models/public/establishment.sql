-- Establishments as they may be published: for units with statutDiffusion 'P' (establishment or legal unit), the
-- fields the law masks are removed here, once, for every release file (DOMAIN.md §1.5, decree 2022-1014):
--   every 'P' unit: the address other than the commune, and the coordinates;
--   'P' natural persons and units without legal personality (1000, 2xxx), or of unknown legal category
--   (no legal-unit stock): also the enseignes and the trade name.
-- Activity, headcount band, administrative status, legal category and commune stay public; aggregates count them.
-- Each establishment carries the EPCI, département and région of its commune (target COG vintage), so a reader can
-- select a territory's establishments, and the release sorts them by place for Parquet statistics to prune.
with establishments as (
    select * from core.establishment
),

communes as (
    select * from core.commune
),

masking as (
    select
        *,
        is_partially_diffusible as hides_address,
        is_partially_diffusible and coalesce(is_natural_person_or_without_legal_personality, true) as hides_names
    from establishments
),

placed as (
    select
        m.*,
        c.epci_code,
        c.departement_code,
        c.region_code
    from masking m
    left join communes c on c.commune_code = m.commune_code
),

final as (
    select
        siret,
        siren,
        nic,
        commune_code,
        epci_code,
        departement_code,
        region_code,
        commune_code_as_published,
        is_foreign,
        code_pays_etranger,
        libelle_pays_etranger,
        etat_administratif,
        statut_diffusion,
        is_partially_diffusible,
        date_creation,
        activite_principale,
        nomenclature_activite,
        activite_principale_naf25,
        tranche_effectifs,
        caractere_employeur,
        etablissement_siege,
        categorie_juridique,
        libelle_commune,
        libelle_commune_etranger,
        case when not hides_names then enseigne_1 end as enseigne_1,
        case when not hides_names then enseigne_2 end as enseigne_2,
        case when not hides_names then enseigne_3 end as enseigne_3,
        case when not hides_names then denomination_usuelle end as denomination_usuelle,
        case when not hides_address then complement_adresse end as complement_adresse,
        case when not hides_address then numero_voie end as numero_voie,
        case when not hides_address then indice_repetition end as indice_repetition,
        case when not hides_address then type_voie end as type_voie,
        case when not hides_address then libelle_voie end as libelle_voie,
        case when not hides_address then code_postal end as code_postal,
        case when not hides_address then distribution_speciale end as distribution_speciale,
        case when not hides_address then code_cedex end as code_cedex,
        case when not hides_address then libelle_cedex end as libelle_cedex,
        case when not hides_address then coordonnee_lambert_abscisse end as coordonnee_lambert_abscisse,
        case when not hides_address then coordonnee_lambert_ordonnee end as coordonnee_lambert_ordonnee
    from placed
)

select * from final
