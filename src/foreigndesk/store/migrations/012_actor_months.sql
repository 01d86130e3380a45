-- Imported (GDELT) events per actor key and month, kept up to date by every import
-- (store/bulk_imports.py): how many events a country has is read from here instead of
-- counting the union of its index lookups (CHN: 170k of 1M events took ~4 s).
--
-- An event counts once under each distinct key among its source and target countries and
-- the first three characters of its source and target CAMEO codes; so the rows of key K are
-- exactly the imported events that an actor filter of the three-letter code K selects
-- (store/filters.py actor_terms: country = K, or code starting with K; imported rows name no
-- actor id). ``month`` is the event's date's first seven characters, '' when undated.
CREATE TABLE IF NOT EXISTS actor_months (
  actor TEXT NOT NULL,
  month TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (actor, month)
);
INSERT INTO actor_months(actor, month, n)
SELECT k, m, count(*) FROM (
  SELECT id, source_country AS k, coalesce(substr(date, 1, 7), '') AS m FROM events
   WHERE origin = 'gdelt'
  UNION SELECT id, target_country, coalesce(substr(date, 1, 7), '') FROM events
   WHERE origin = 'gdelt'
  UNION SELECT id, substr(source_code, 1, 3), coalesce(substr(date, 1, 7), '') FROM events
   WHERE origin = 'gdelt'
  UNION SELECT id, substr(target_code, 1, 3), coalesce(substr(date, 1, 7), '') FROM events
   WHERE origin = 'gdelt'
) AS keyed WHERE k IS NOT NULL AND k != '' GROUP BY k, m;
