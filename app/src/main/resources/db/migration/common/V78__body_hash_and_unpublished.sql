-- Issue 17 (tracker at scale): the hash of the last fetched body that held the latest version, so
-- the same body again skips extraction; and whether the article is unpublished (taken down by a
-- redirect to the front page or a removal notice) but still re-checked, so its return is recorded.
ALTER TABLE articles ADD COLUMN body_hash TEXT;
ALTER TABLE articles ADD COLUMN unpublished INTEGER NOT NULL DEFAULT 0;

-- Articles an earlier Redline closed as gone because they were unpublished (not for a 404/410, a
-- move or a duplicate) are tracked again on the quiet schedule: one day after their last check.
-- Nothing is deleted; their events stay as they are.
UPDATE articles SET status = 'active', unpublished = 1, interval_ms = 86400000,
       next_check = COALESCE(last_checked, first_seen) + 86400000
 WHERE status = 'gone'
   AND EXISTS (SELECT 1 FROM article_events e WHERE e.article_id = articles.id AND e.kind = 'unpublished')
   AND NOT EXISTS (SELECT 1 FROM article_events e WHERE e.article_id = articles.id
                   AND e.kind IN ('gone', 'moved', 'duplicate'));
