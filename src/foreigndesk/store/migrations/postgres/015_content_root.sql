-- Mirrors ../015_content_root.sql.
ALTER TABLE claim_contents ADD COLUMN root BIGINT;
UPDATE claim_contents SET root = id
  WHERE id NOT IN (SELECT a FROM claim_edges WHERE active = 1)
    AND id NOT IN (SELECT b FROM claim_edges WHERE active = 1);
