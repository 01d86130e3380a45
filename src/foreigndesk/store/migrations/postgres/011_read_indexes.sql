-- Indexes of the read queries at scale (chosen from EXPLAIN QUERY PLAN over a store of 1M
-- GDELT-shaped events after ANALYZE; bench/scale.py):
--
-- * events_dyad_cover: a dyad's events in date order with every column the relations index
--   sums (origin, modality, QuadClass, Goldstein, reports, the actor codes whose sector it
--   checks), so the series is read from the index alone; it also answers events --dyad in
--   date order and the pairs with the most events (GROUP BY source, target in index order).
--   It replaces events_dyad (its first three columns).
-- * events_{source,target}_country: events of a country within dates (events --actor CUB
--   --since --until is a union of these lookups and the next ones, never a scan).
-- * events_{source,target}_code: the CAMEO actor code prefix (CUBGOV...) as a range.
-- * events_{source,target}_actor: an actor id (news events only: imported rows have none,
--   hence partial).
-- * mentions_actor_doc: mentions and documents per actor from the index alone (the actor
--   list). It replaces mentions_actor (its first column).
DROP INDEX IF EXISTS events_dyad;
CREATE INDEX IF NOT EXISTS events_dyad_cover ON events(source_country, target_country, date,
  origin, modality, quad_class, goldstein, n_mentions, source_code, target_code);
CREATE INDEX IF NOT EXISTS events_source_country ON events(source_country, date);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country, date);
CREATE INDEX IF NOT EXISTS events_source_code ON events(source_code, date);
CREATE INDEX IF NOT EXISTS events_target_code ON events(target_code, date);
CREATE INDEX IF NOT EXISTS events_source_actor ON events(source_actor, date)
  WHERE source_actor IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_target_actor ON events(target_actor, date)
  WHERE target_actor IS NOT NULL;
DROP INDEX IF EXISTS mentions_actor;
CREATE INDEX IF NOT EXISTS mentions_actor_doc ON mentions(actor_id, doc_id);
-- * events_date: every event in date order (a page of a listing that keeps many events
--   walks it rather than sorting them all).
CREATE INDEX IF NOT EXISTS events_date ON events(date);
-- * events_located: located events by exact place, with what the map sums (the map's groups
--   are read in this order: no sort, no table row).
CREATE INDEX IF NOT EXISTS events_located ON events(place, lat, lon, goldstein, date)
  WHERE lat IS NOT NULL AND lon IS NOT NULL;
-- SQLite's total(): the sum of the non-NULL values as a float, 0.0 over none (the read
-- queries of the network, the map and the relations series sum with it).
CREATE OR REPLACE AGGREGATE total(double precision) (SFUNC = float8pl, STYPE = double precision,
  INITCOND = '0');
