-- Mirrors ../002_imports.sql.
ALTER TABLE events ADD COLUMN source_name TEXT;
ALTER TABLE events ADD COLUMN target_name TEXT;
ALTER TABLE events ADD COLUMN is_root BIGINT;
ALTER TABLE events ADD COLUMN date_added TEXT;
CREATE INDEX events_origin_date ON events(origin, date);

CREATE TABLE roll_call_issues (
  rcid BIGINT NOT NULL, short_name TEXT, issue TEXT NOT NULL,
  PRIMARY KEY (rcid, issue)
);
