-- What a release exposes of an establishment with statutDiffusion 'P' (on itself or its legal unit): never its
-- address other than the commune, nor its coordinates (décret 2022-1014). Checks the published table itself.
select
    siret,
    statut_diffusion,
    complement_adresse,
    numero_voie,
    indice_repetition,
    type_voie,
    libelle_voie,
    code_postal,
    distribution_speciale,
    code_cedex,
    libelle_cedex,
    coordonnee_lambert_abscisse,
    coordonnee_lambert_ordonnee
from public.establishment
where is_partially_diffusible
    and (complement_adresse is not null or numero_voie is not null or indice_repetition is not null
        or type_voie is not null or libelle_voie is not null or code_postal is not null
        or distribution_speciale is not null or code_cedex is not null or libelle_cedex is not null
        or coordonnee_lambert_abscisse is not null or coordonnee_lambert_ordonnee is not null)
