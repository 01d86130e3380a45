-- Mirrors ../010_language_note.sql.
ALTER TABLE documents ADD COLUMN language_note TEXT;
