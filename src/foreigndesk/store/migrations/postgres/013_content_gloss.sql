-- Mirrors ../013_content_gloss.sql.
ALTER TABLE claim_contents ADD COLUMN matching TEXT;
