-- Mirrors ../007_pages.sql.
ALTER TABLE sentences ADD COLUMN page BIGINT;
ALTER TABLE documents ADD COLUMN pages TEXT;
