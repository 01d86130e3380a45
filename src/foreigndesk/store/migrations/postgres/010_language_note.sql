-- Mirrors ../010_language_note.sql.
ALTER TABLE documents ADD COLUMN language_note TEXT;

-- PostgreSQL only: a counter that any write moves, so that readers can tell the store changed
-- (what the file's mtime and the WAL's size tell on SQLite: foreigndesk.store.backends.stamp).
-- Every table gets a statement-level trigger; a migration that adds a table adds its own.
CREATE SEQUENCE IF NOT EXISTS data_version;
CREATE OR REPLACE FUNCTION fd_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM nextval('data_version'); RETURN NULL; END $$;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
           AND tablename NOT IN ('schema_version') LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION fd_bump_data_version()',
                   t || '_data_version', t);
  END LOOP;
END $$;
