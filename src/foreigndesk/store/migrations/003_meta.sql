-- Store-level state: 'analyses_stale' is set in the same transaction as every added
-- document and cleared when the store-wide analyses (reuse, claim clusters) are recomputed,
-- so an ingest interrupted before its refresh is refreshed by the next run.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
