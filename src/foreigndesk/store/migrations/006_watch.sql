-- Following the news (foreigndesk ingest URL, foreigndesk watch) and alerts.

-- The HTTP cache of the fetcher: validators and the last body of every URL fetched, so that
-- fetching a page again is one conditional request (304 Not Modified costs no body).
CREATE TABLE http_cache (
  url TEXT PRIMARY KEY,
  final_url TEXT,                 -- after redirects
  etag TEXT, last_modified TEXT,
  content_type TEXT,
  body BLOB,                      -- zlib-compressed
  fetched_at TEXT NOT NULL
);

-- The sources `foreigndesk watch` follows (a feed, an OPML list, a URL list, a page) and how
-- their last cycle went.
CREATE TABLE watch_sources (
  source TEXT PRIMARY KEY,
  kind TEXT,                      -- feed | opml | urls | page
  last_run TEXT, last_ok TEXT,
  last_error TEXT, n_errors INTEGER NOT NULL DEFAULT 0,   -- consecutive failed cycles
  n_new INTEGER NOT NULL DEFAULT 0, n_seen INTEGER NOT NULL DEFAULT 0,
  n_failed INTEGER NOT NULL DEFAULT 0                      -- counts of the last cycle
);

-- Every item (feed entry, listed URL) a source has given. status 'stored' is written in the
-- transaction that stores its document (so a kill -9 leaves no stored-but-unseen item);
-- 'failed' items are tried again in later cycles up to a bound of attempts, then 'given_up'.
CREATE TABLE watch_items (
  source TEXT NOT NULL,
  key TEXT NOT NULL,              -- the entry's id, else its link
  url TEXT,
  status TEXT NOT NULL,           -- stored | present | failed | given_up
  doc_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  first_seen TEXT NOT NULL, updated TEXT NOT NULL,
  PRIMARY KEY (source, key)
) WITHOUT ROWID;
CREATE INDEX watch_items_url ON watch_items(url);

-- Watches declared with `foreigndesk alert add` (those of a YAML file live in the file).
CREATE TABLE watches (
  key TEXT PRIMARY KEY,           -- the name given, else derived from the definition
  kind TEXT NOT NULL,             -- shift | event | echo | figures
  spec TEXT NOT NULL,             -- JSON definition
  created_at TEXT NOT NULL
);

-- Alerts raised by the watches: one per watch and piece of evidence (fingerprint), never
-- twice; citations is a JSON list of {doc_id, sentence, text, outlet, published, url}.
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  watch_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL,           -- JSON: what the evaluation found (numbers, method)
  citations TEXT NOT NULL,
  created_at TEXT NOT NULL,
  notified TEXT,                  -- JSON: per channel, delivered or the last error
  UNIQUE (watch_key, fingerprint)
);
CREATE INDEX alerts_created ON alerts(created_at);
