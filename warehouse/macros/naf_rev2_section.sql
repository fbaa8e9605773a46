-- The NAF rév. 2 section (A to U) of a division (the first two digits of a code such as '62.01Z'), null for a
-- division that does not exist.
CREATE OR REPLACE MACRO naf_rev2_section(division) AS (
    case
        when division between '01' and '03' then 'A'
        when division between '05' and '09' then 'B'
        when division between '10' and '33' then 'C'
        when division = '35' then 'D'
        when division between '36' and '39' then 'E'
        when division between '41' and '43' then 'F'
        when division between '45' and '47' then 'G'
        when division between '49' and '53' then 'H'
        when division between '55' and '56' then 'I'
        when division between '58' and '63' then 'J'
        when division between '64' and '66' then 'K'
        when division = '68' then 'L'
        when division between '69' and '75' then 'M'
        when division between '77' and '82' then 'N'
        when division = '84' then 'O'
        when division = '85' then 'P'
        when division between '86' and '88' then 'Q'
        when division between '90' and '93' then 'R'
        when division between '94' and '96' then 'S'
        when division between '97' and '98' then 'T'
        when division = '99' then 'U'
    end
);
