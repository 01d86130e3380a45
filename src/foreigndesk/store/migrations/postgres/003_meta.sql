-- Mirrors ../003_meta.sql.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
