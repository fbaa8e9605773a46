-- Legal units as they may be published (DOMAIN.md §1.5): for 'P' units the sigle is removed, and for 'P' natural
-- persons and units without legal personality (1000, 2xxx) every name too (names, first names, pseudonym, trade
-- names). The sex of natural persons is never published (Code de commerce R123-232).
-- Each legal unit carries the commune of its head office (when the establishment stock holds it) with that commune's
-- EPCI, département and région.
with legal_units as (
    select * from core.legal_unit
),

head_offices as (
    select e.siren, e.nic, e.commune_code, c.epci_code, c.departement_code, c.region_code
    from core.establishment e
    left join core.commune c on c.commune_code = e.commune_code
),

masking as (
    select
        *,
        statut_diffusion = 'P' as hides_sigle,
        statut_diffusion = 'P' and coalesce(is_natural_person_or_without_legal_personality, true) as hides_names
    from legal_units
),

placed as (
    select m.*, h.commune_code, h.epci_code, h.departement_code, h.region_code
    from masking m
    left join head_offices h on h.siren = m.siren and h.nic = m.nic_siege
),

final as (
    select
        siren,
        statut_diffusion,
        etat_administratif,
        categorie_juridique,
        categorie_entreprise,
        date_creation,
        activite_principale,
        nomenclature_activite,
        activite_principale_naf25,
        tranche_effectifs,
        nic_siege,
        commune_code,
        epci_code,
        departement_code,
        region_code,
        economie_sociale_solidaire,
        societe_mission,
        case when not hides_names then denomination end as denomination,
        case when not hides_names then denomination_usuelle_1 end as denomination_usuelle_1,
        case when not hides_names then denomination_usuelle_2 end as denomination_usuelle_2,
        case when not hides_names then denomination_usuelle_3 end as denomination_usuelle_3,
        case when not hides_sigle then sigle end as sigle,
        case when not hides_names then nom end as nom,
        case when not hides_names then nom_usage end as nom_usage,
        case when not hides_names then prenom_1 end as prenom_1,
        case when not hides_names then prenom_2 end as prenom_2,
        case when not hides_names then prenom_3 end as prenom_3,
        case when not hides_names then prenom_4 end as prenom_4,
        case when not hides_names then prenom_usuel end as prenom_usuel,
        case when not hides_names then pseudonyme end as pseudonyme
    from placed
)

select * from final
