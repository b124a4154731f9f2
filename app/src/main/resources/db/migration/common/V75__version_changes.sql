-- Each version's change facets (its notes, stealth verdict and facts: core's VersionChange as JSON),
-- stored when the version is recorded (editing.ChangeFacets, a VersionAnalyser) so pages and the
-- source record need not re-diff the history on every view. Derived data only: versions stay as
-- they are; a row whose rules number is not the current one is recomputed (EditingHistory), and
-- stores from before this migration are filled by `redline reanalyse` or on first read.
CREATE TABLE version_changes (
    version_id BIGINT  NOT NULL PRIMARY KEY REFERENCES versions (id),
    article_id BIGINT  NOT NULL REFERENCES articles (id),
    rules      INTEGER NOT NULL,
    stealth    INTEGER NOT NULL,
    facets     TEXT    NOT NULL
);
CREATE INDEX version_changes_article ON version_changes (article_id);

-- A source's articles in id order (keyset paging of the source record, /api/articles?source=…&after=…).
CREATE INDEX articles_source_id ON articles (source_id, id);
