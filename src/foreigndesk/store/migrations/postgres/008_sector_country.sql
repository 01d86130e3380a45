-- Mirrors ../008_sector_country.sql (the same statements).
-- A code of a sector alone ("MIL", "CVL": an actor of no named country) has no country:
-- earlier stores kept its first three letters as one. The sector codes of
-- data/actors/sectors.yaml (NGO stands alone here: a code "NGO..." with more letters is an
-- international NGO and keeps its prefix).
UPDATE events SET source_country = NULL
 WHERE origin = 'news' AND source_country IN ('BUS','COP','CRM','CVL','EDU','GOV','JUD','LAB',
       'LEG','MED','MIL','OPP','PTY','REB','REL','SPY','UAF')
    OR (origin = 'news' AND source_code = 'NGO');
UPDATE events SET target_country = NULL
 WHERE origin = 'news' AND target_country IN ('BUS','COP','CRM','CVL','EDU','GOV','JUD','LAB',
       'LEG','MED','MIL','OPP','PTY','REB','REL','SPY','UAF')
    OR (origin = 'news' AND target_code = 'NGO');
