-- Pages as provenance (PDF ingest): the page each sentence stands on, and the document's page
-- map (JSON list of [character offset, page number] where each page begins; NULL when the
-- source has no pages).
ALTER TABLE sentences ADD COLUMN page INTEGER;
ALTER TABLE documents ADD COLUMN pages TEXT;
