-- Mirrors ../015_content_root.sql.
ALTER TABLE claim_contents ADD COLUMN root BIGINT;
