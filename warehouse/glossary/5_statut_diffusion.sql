-- The diffusion statuses of the published establishments.
select statut_diffusion as code, count(*) as rows
from release.establishments
group by statut_diffusion
order by statut_diffusion
