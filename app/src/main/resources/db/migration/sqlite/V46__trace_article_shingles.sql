-- Issue 10, query speed: each article's versions' shingle sets (dev.redline.fingerprint.ArticleShingles:
-- the union of the shingles and one bit per version), so a trace verifies a candidate from one row
-- instead of reading and fingerprinting its whole history. `versions` says how many versions the row
-- covers: a row behind the article's version count is not used (the query reads the texts instead)
-- and is rebuilt by `redline trace --reindex` and the background repair. Nothing stored is changed;
-- the table starts empty and fills as versions are indexed and as the repair runs.
CREATE TABLE trace_article_shingles (
    article_id INTEGER PRIMARY KEY, -- the rowid: one b-tree
    versions   INTEGER NOT NULL,
    shingles   BLOB    NOT NULL
);
