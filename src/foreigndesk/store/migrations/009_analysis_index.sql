-- Indexes of the store-wide analyses, so that an ingest updates reuse and claim clusters from
-- the new documents only (see foreigndesk.analyze.reuse_update and cluster_update). Documents
-- are referred to by documents.rowid (stable: the store never vacuums, and doc_order and the
-- full-text index rely on it too). Both indexes are rebuilt whole when their settings
-- (recorded in meta) change.

-- Text reuse: documents whose shingles are indexed.
CREATE TABLE IF NOT EXISTS reuse_docs (doc INTEGER PRIMARY KEY);
-- Shingle postings: the documents holding a shingle (64-bit hash) and how often. A shingle in
-- more than max_df documents (or 2 * max_df times) is boilerplate: its postings are dropped
-- and the hash moves to reuse_boilerplate for good (documents are only ever added).
CREATE TABLE IF NOT EXISTS reuse_shingles (
  hash INTEGER NOT NULL, doc INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (hash, doc)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reuse_boilerplate (hash INTEGER PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reuse_earlier ON reuse(earlier_doc);
CREATE INDEX IF NOT EXISTS reuse_later ON reuse(later_doc);

-- Claim clusters: one row per distinct content (claims with the same features, polarity,
-- figures and, for a line on its speaker's pronouns, speaker), represented by its first claim.
CREATE TABLE IF NOT EXISTS claim_contents (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,          -- hash of the content key
  first_claim INTEGER NOT NULL,      -- claims.id of the first claim in order of appearance
  app_when TEXT NOT NULL, app_doc INTEGER NOT NULL, app_start INTEGER NOT NULL,
  app_repeats INTEGER NOT NULL,      -- the first claim's appearance key
  n_claims INTEGER NOT NULL,
  embedding BLOB,                    -- float32, L2-normalised (NULL: no embedding backend)
  proposition TEXT                   -- JSON of the content's anchors (NULL: not read yet)
);
CREATE TABLE IF NOT EXISTS claim_content_of (claim_id INTEGER PRIMARY KEY, content INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS claim_content_of_content ON claim_content_of(content);
-- Feature postings (content words and word pairs, 64-bit hashes); a feature in more than
-- MAX_DF contents moves to claim_common_features for good.
CREATE TABLE IF NOT EXISTS claim_features (
  feature INTEGER NOT NULL, content INTEGER NOT NULL, PRIMARY KEY (feature, content)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS claim_common_features (feature INTEGER PRIMARY KEY) WITHOUT ROWID;
-- Pairs of contents that say the same (words or embeddings, anchors agreeing), a < b.
-- due: NULL when the pair holds on its words alone; else the pair rests on the centred
-- cosine and is checked again once the centre has moved by due or more (see
-- foreigndesk.analyze.cluster_update); active says whether it holds now.
CREATE TABLE IF NOT EXISTS claim_edges (
  a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL NOT NULL, due REAL, active INTEGER NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_edges_b ON claim_edges(b);
CREATE INDEX IF NOT EXISTS claim_edges_due ON claim_edges(due) WHERE due IS NOT NULL;
-- Decisions of the cluster merge (are the first contents of two clusters related?) that
-- rested on the centred cosine, kept so that a move of the centre re-runs their component.
CREATE TABLE IF NOT EXISTS claim_decisions (
  a INTEGER NOT NULL, b INTEGER NOT NULL, due REAL NOT NULL, outcome INTEGER NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_decisions_due ON claim_decisions(due);
CREATE INDEX IF NOT EXISTS claim_decisions_b ON claim_decisions(b);
