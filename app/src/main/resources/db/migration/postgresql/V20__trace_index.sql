-- Trace index (dev.redline.trace.TraceIndex), PostgreSQL. The SQLite twin differs only by WITHOUT ROWID.
-- Postings are per article; the exact version is found by verification against stored versions.

-- versions already indexed, so reindex skips them and a version is never counted twice
CREATE TABLE trace_version (
    version_id BIGINT PRIMARY KEY,
    article_id BIGINT NOT NULL,
    shingles   INTEGER NOT NULL
);
CREATE INDEX trace_version_article ON trace_version (article_id);

-- winnowed shingle anchors: anchor -> articles whose versions carry it
CREATE TABLE trace_anchor (
    anchor     BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    PRIMARY KEY (anchor, article_id)
);

-- document frequency of each anchor (number of articles); anchors above a threshold are boilerplate
CREATE TABLE trace_anchor_df (
    anchor   BIGINT PRIMARY KEY,
    articles INTEGER NOT NULL
);

-- MinHash LSH band keys: band key -> articles whose versions have it
CREATE TABLE trace_band (
    band_key   BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    PRIMARY KEY (band_key, article_id)
);
