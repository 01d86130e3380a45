-- foreigndesk store, schema version 1.
-- Every fact row carries its provenance: doc_id, sentence (index), start/end (character
-- offsets into documents.text), extractor and version (who made it) and confidence.

CREATE TABLE documents (
  id TEXT PRIMARY KEY,            -- sha256 of the normalised text, 16 hex digits
  title TEXT, outlet TEXT, author TEXT,
  published TEXT,                 -- ISO date (YYYY-MM-DD, or YYYY-MM / YYYY)
  url TEXT, urls TEXT,            -- urls: JSON list of every URL the source gives
  language TEXT, source TEXT, reader TEXT,
  text TEXT NOT NULL,
  n_chars INTEGER, n_words INTEGER,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TABLE sentences (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
);

CREATE TABLE actors (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  country TEXT, sector TEXT, aliases TEXT, lat REAL, lon REAL, meta TEXT
);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  label TEXT, actor_id TEXT, country TEXT, sector TEXT,
  extractor TEXT NOT NULL, version TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE time_values (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  value TEXT NOT NULL, precision TEXT NOT NULL, type TEXT NOT NULL, anchored INTEGER NOT NULL,
  modifier TEXT,
  extractor TEXT NOT NULL, version TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX time_values_doc ON time_values(doc_id);
CREATE INDEX time_values_value ON time_values(value);

CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  name TEXT, country TEXT, lat REAL, lon REAL, feature TEXT, gazetteer_id TEXT,
  extractor TEXT NOT NULL, version TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX places_doc ON places(doc_id);

-- A real-world event: one row however many documents report it (event_mentions), or one
-- imported row (origin 'gdelt').
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL DEFAULT 'news',   -- news | gdelt
  source_actor TEXT, source_code TEXT, target_actor TEXT, target_code TEXT,
  source_country TEXT, target_country TEXT,
  code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein REAL,
  date TEXT, date_precision TEXT, date_source TEXT,
  place TEXT, place_country TEXT, lat REAL, lon REAL,
  modality TEXT NOT NULL DEFAULT 'asserted',
  n_mentions INTEGER NOT NULL DEFAULT 0,
  external_id TEXT, source_url TEXT, n_sources INTEGER, n_articles INTEGER, avg_tone REAL
);
CREATE INDEX events_dyad ON events(source_country, target_country, date);
CREATE INDEX events_root ON events(root);
CREATE UNIQUE INDEX events_external ON events(origin, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE event_mentions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  trigger TEXT, source_actor TEXT, target_actor TEXT, code TEXT,
  date TEXT, date_precision TEXT, date_source TEXT, modality TEXT,
  extractor TEXT NOT NULL, version TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_doc ON event_mentions(doc_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  speaker_actor TEXT, speaker_text TEXT, speaker_code TEXT, cue TEXT,
  content TEXT NOT NULL, content_start INTEGER, content_end INTEGER,
  direct INTEGER NOT NULL DEFAULT 0, stance TEXT NOT NULL DEFAULT 'asserts',
  date TEXT, date_source TEXT, echoes_actor TEXT, echoes_text TEXT,
  extractor TEXT NOT NULL, version TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_speaker ON claims(speaker_actor);

CREATE TABLE quantities (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  kind TEXT NOT NULL, value REAL, "values" TEXT, unit TEXT, usd REAL, usd_year INTEGER,
  low REAL, high REAL, approx TEXT, measure TEXT, stated_by TEXT,
  extractor TEXT NOT NULL, version TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX quantities_doc ON quantities(doc_id);

-- Derived by analyses over the whole store (recomputed, never half-written).
CREATE TABLE claim_clusters (
  claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
  cluster_id INTEGER NOT NULL, similarity REAL
);
CREATE TABLE reuse (
  id INTEGER PRIMARY KEY,
  earlier_doc TEXT NOT NULL, earlier_start INTEGER NOT NULL, earlier_end INTEGER NOT NULL,
  later_doc TEXT NOT NULL, later_start INTEGER NOT NULL, later_end INTEGER NOT NULL,
  earlier_text TEXT, later_text TEXT, score REAL, direction_rule TEXT,
  extractor TEXT NOT NULL, version TEXT NOT NULL
);

-- UN General Assembly roll calls (unvotes layout).
CREATE TABLE roll_calls (
  rcid INTEGER PRIMARY KEY, session INTEGER, date TEXT, unres TEXT,
  importantvote INTEGER, amend INTEGER, para INTEGER, short TEXT, descr TEXT
);
CREATE TABLE votes (
  rcid INTEGER NOT NULL, country TEXT NOT NULL,  -- ISO3
  vote INTEGER NOT NULL,                          -- 1 yes, 2 abstain, 3 no
  PRIMARY KEY (rcid, country)
) WITHOUT ROWID;
