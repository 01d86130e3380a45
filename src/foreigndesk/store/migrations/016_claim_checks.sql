-- The outcomes of the cluster merge checks that do not rest on the centred cosine (are the
-- first contents a and b of two clusters, in the order of the edge that brought them
-- together, related? analyze.cluster_update._recluster): a function of the two contents
-- alone, so a component clustered again reads them here instead of loading and comparing
-- its contents again (the checks on the centred cosine are kept in claim_decisions). The
-- rows of a content whose first claim changes are deleted; a row no check asks for any
-- more is harmless.
CREATE TABLE IF NOT EXISTS claim_checks (
  a INTEGER NOT NULL, b INTEGER NOT NULL, outcome INTEGER NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_checks_b ON claim_checks(b);
