-- The French sentence of a creations or closures alert, e.g. 'Fermetures des 3 derniers mois (août à octobre 2025)
-- dans CA du Grand Nancy : 42 contre 14 attendues (× 3,0)'.
CREATE OR REPLACE MACRO flow_alert_sentence(event, naf_section, window_months, period_start, period_end, level,
        territory_name, observed, expected, ratio) AS (
    case event when 'creation' then 'Créations' else 'Fermetures' end
    || case when naf_section = '*' then '' else ' de la section ' || naf_section || ' (NAF)' end
    || case when window_months = 1 then ' du dernier mois (' else ' des ' || window_months || ' derniers mois (' end
    || case when window_months = 1 then ''
            else ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
                  'novembre', 'décembre'][month(period_start)]
                 || case when year(period_start) <> year(period_end) then ' ' || year(period_start) else '' end
                 || ' à ' end
    || ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
        'novembre', 'décembre'][month(period_end)] || ' ' || year(period_end) || ') '
    || case level when 'commune' then 'à ' when 'departement' then 'dans le département ' when 'region'
            then 'dans la région ' else 'dans ' end
    || territory_name || ' : ' || observed || ' contre ' || cast(round(expected) as bigint) || ' attendues (× '
    || replace(printf('%.1f', ratio), '.', ',') || ')'
);
