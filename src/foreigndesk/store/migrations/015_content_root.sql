-- The cluster each claim content was in after the last update of the claim clusters: the
-- content that is its cluster's root (analyze.cluster_update: the first content in order of
-- appearance of the cluster). An update that clusters a component again rewrites the
-- claim_clusters rows of the clusters that changed only (a cluster with the same root, the
-- same contents and no content given new claims or a new first claim keeps its rows). NULL:
-- not known yet (a content indexed before this column: the next update that clusters its
-- component rewrites its cluster and fills it).
ALTER TABLE claim_contents ADD COLUMN root INTEGER;
-- Backfill: a content with no active edge is a cluster of its own (its root is itself).
UPDATE claim_contents SET root = id
  WHERE id NOT IN (SELECT a FROM claim_edges WHERE active = 1)
    AND id NOT IN (SELECT b FROM claim_edges WHERE active = 1);
