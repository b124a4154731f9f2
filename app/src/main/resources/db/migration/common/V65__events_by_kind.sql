-- Taken-down articles across sources, newest first (Store.recentEvents): by kind, then time.
CREATE INDEX article_events_kind_at ON article_events (kind, at);
