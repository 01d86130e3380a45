-- The event group of a news event mention (store/event_groups.find_event: same root, same
-- source and target CAMEO codes, news events only), found by an index lookup. Before, the
-- lookup walked events_root, i.e. every event of the root code, imported GDELT rows
-- included: once a store holds many imported events, each news event a document adds cost
-- a scan of a large part of the table. Partial: imported rows are never grouped.
CREATE INDEX IF NOT EXISTS events_news_group ON events(root, source_code, target_code)
  WHERE origin = 'news';
