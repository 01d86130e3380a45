-- Imported data sets (GDELT event exports, UN General Assembly votes): the columns and
-- tables the importers need beyond 001.

-- GDELT actor names (Actor1Name/Actor2Name), IsRootEvent and DATEADDED of imported rows.
ALTER TABLE events ADD COLUMN source_name TEXT;
ALTER TABLE events ADD COLUMN target_name TEXT;
ALTER TABLE events ADD COLUMN is_root INTEGER;
ALTER TABLE events ADD COLUMN date_added TEXT;
CREATE INDEX events_origin_date ON events(origin, date);

-- Issue labels of UN roll calls (un_roll_call_issues.csv; a roll call may have several).
CREATE TABLE roll_call_issues (
  rcid INTEGER NOT NULL, short_name TEXT, issue TEXT NOT NULL,
  PRIMARY KEY (rcid, issue)
) WITHOUT ROWID;
