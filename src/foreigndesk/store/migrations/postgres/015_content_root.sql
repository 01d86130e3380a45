-- Mirrors ../015_content_root.sql.
ALTER TABLE claim_contents ADD COLUMN root BIGINT;
UPDATE claim_contents SET root = 0
  WHERE id IN (SELECT a FROM claim_edges WHERE active = 1
               UNION SELECT b FROM claim_edges WHERE active = 1);
