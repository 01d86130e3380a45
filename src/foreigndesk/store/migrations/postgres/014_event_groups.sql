-- Mirrors ../014_event_groups.sql.
CREATE INDEX IF NOT EXISTS events_news_group ON events(root, source_code, target_code)
  WHERE origin = 'news';
