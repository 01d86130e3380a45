-- The cluster each claim content was in after the last update of the claim clusters: the
-- content that is its cluster's root (analyze.cluster_update: the first content in order of
-- appearance of the cluster). NULL: the content is its own root (most are: a content in no
-- cluster, or the first of its cluster); 0: not known (a content indexed before this
-- column: the next update that clusters its component fills it). An update that clusters a
-- component again rewrites the claim_clusters rows of the clusters that changed only (a
-- cluster with the same root, the same contents and no content given new claims or a new
-- first claim keeps its rows).
ALTER TABLE claim_contents ADD COLUMN root INTEGER;
-- Backfill: a content with no active edge is a cluster of its own (NULL: its own root); the
-- root of a content in a component is not known.
UPDATE claim_contents SET root = 0
  WHERE id IN (SELECT a FROM claim_edges WHERE active = 1
               UNION SELECT b FROM claim_edges WHERE active = 1);
