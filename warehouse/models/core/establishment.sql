-- Establishments of the register in the target geography.
with establishments as (
    select * from geography.sirene_etablissement
),

legal_units as (
    select * from core.legal_unit
),

final as (
    select
        e.siret,
        e.siren,
        nic,
        commune_code,
        code_commune as commune_code_as_published,
        geography_method,
        is_foreign,
        code_pays_etranger,
        e.etat_administratif,
        e.etat_administratif = 'A' as is_active,
        e.statut_diffusion,
        e.date_creation,
        e.activite_principale,
        e.nomenclature_activite,
        e.tranche_effectifs,
        caractere_employeur,
        etablissement_siege,
        e.activite_principale_naf25,
        e.date_debut,
        e.date_dernier_traitement,
        coalesce(e.statut_diffusion = 'P' or l.statut_diffusion = 'P', false) as is_partially_diffusible,
        l.categorie_juridique,
        l.is_natural_person_or_without_legal_personality,
        complement_adresse,
        numero_voie,
        indice_repetition,
        type_voie,
        libelle_voie,
        code_postal,
        distribution_speciale,
        code_cedex,
        libelle_cedex,
        libelle_commune,
        libelle_commune_etranger,
        libelle_pays_etranger,
        coordonnee_lambert_abscisse,
        coordonnee_lambert_ordonnee,
        enseigne_1,
        enseigne_2,
        enseigne_3,
        denomination_usuelle,
        e._file as source_file
    from establishments e
    left join legal_units l on l.siren = e.siren
)

select * from final
