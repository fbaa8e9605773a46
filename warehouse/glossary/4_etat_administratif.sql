-- The administrative states of the published establishments.
select etat_administratif as code, count(*) as rows
from release.establishments
group by etat_administratif
order by etat_administratif
