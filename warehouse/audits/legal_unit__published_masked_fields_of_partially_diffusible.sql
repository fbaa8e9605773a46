-- What a release exposes of a legal unit with statutDiffusion 'P': never its sigle, nor, for a natural person or a
-- unit without legal personality (1000, 2xxx) or of unknown category, its names. Checks the published table itself.
with published as (
    select * from public.legal_unit
)

select siren, categorie_juridique, sigle, denomination, nom, nom_usage, prenom_usuel, pseudonyme
from published
where statut_diffusion = 'P'
    and (sigle is not null
        or ((categorie_juridique is null or categorie_juridique = '1000' or categorie_juridique like '2%')
            and (denomination is not null or denomination_usuelle_1 is not null
                or denomination_usuelle_2 is not null or denomination_usuelle_3 is not null or nom is not null
                or nom_usage is not null or prenom_1 is not null or prenom_2 is not null or prenom_3 is not null
                or prenom_4 is not null or prenom_usuel is not null or pseudonyme is not null)))
