-- Documents: why no facts were extracted from a document in a language without an installed
-- pipeline (NULL when the document was extracted); see foreigndesk.extract.languages.
ALTER TABLE documents ADD COLUMN language_note TEXT;
