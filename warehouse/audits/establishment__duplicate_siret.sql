select siret, count(*) as copies, string_agg(source_file, ', ') as files
from core.establishment
group by siret
having count(*) > 1
