-- Redline's record, one DDL for SQLite and PostgreSQL. To stay portable: instants are epoch
-- milliseconds (BIGINT), flags are 0/1 INTEGERs, lists are JSON text, and the one real difference,
-- an auto-assigned 64-bit key, is the ${id_pk} placeholder that JdbcStore fills in per database.

CREATE TABLE sources (
    id            ${id_pk},
    name          TEXT    NOT NULL UNIQUE,
    rules         TEXT    NOT NULL,            -- ExtractRules as JSON
    created_at    BIGINT  NOT NULL,
    last_success  BIGINT,                      -- last good feed poll or article check
    last_error    TEXT,
    last_error_at BIGINT
);

-- Feeds and sitemaps of a source, with their poll state and lease.
CREATE TABLE source_feeds (
    id            ${id_pk},
    source_id     BIGINT  NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    url           TEXT    NOT NULL,
    sitemap       INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    next_poll     BIGINT  NOT NULL,
    lease_owner   TEXT,
    lease_until   BIGINT,
    last_polled   BIGINT,
    last_status   INTEGER,
    last_error    TEXT,
    UNIQUE (source_id, url)
);
CREATE INDEX source_feeds_due ON source_feeds (next_poll);

CREATE TABLE feed_log (
    id           ${id_pk},
    source_id    BIGINT  NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    url          TEXT    NOT NULL,
    at           BIGINT  NOT NULL,
    http_status  INTEGER,
    error        TEXT,
    new_articles INTEGER NOT NULL
);
CREATE INDEX feed_log_source_at ON feed_log (source_id, at);

-- One row per canonical URL; title and version_count mirror the latest version (kept in the
-- same transaction as appendVersion) so lists need no aggregate over versions.
CREATE TABLE articles (
    id               ${id_pk},
    url              TEXT    NOT NULL UNIQUE,
    source_id        BIGINT  REFERENCES sources (id) ON DELETE SET NULL,
    title            TEXT,
    first_seen       BIGINT  NOT NULL,
    last_checked     BIGINT,
    next_check       BIGINT,
    status           TEXT    NOT NULL CHECK (status IN ('active', 'settled', 'gone', 'failing')),
    version_count    INTEGER NOT NULL DEFAULT 0,
    activity_at      BIGINT  NOT NULL,         -- fetch time of the latest version, else first_seen
    last_change_at   BIGINT,                   -- fetch time of the latest version n > 0
    lease_owner      TEXT,
    lease_until      BIGINT,
    etag             TEXT,
    last_modified    TEXT,
    interval_ms      BIGINT,
    unchanged_streak INTEGER NOT NULL DEFAULT 0,
    failures         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_due ON articles (next_check);
CREATE INDEX articles_activity ON articles (activity_at);
CREATE INDEX articles_source_activity ON articles (source_id, activity_at);
CREATE INDEX articles_source_first_seen ON articles (source_id, first_seen);

-- Every version ever seen. Never updated or deleted (the vendor migrations add a guard trigger);
-- articles cannot be deleted while they have versions (no ON DELETE action).
CREATE TABLE versions (
    id            ${id_pk},
    article_id    BIGINT  NOT NULL REFERENCES articles (id),
    n             INTEGER NOT NULL,
    fetched_at    BIGINT  NOT NULL,
    title         TEXT    NOT NULL,
    byline        TEXT,
    paragraphs    TEXT    NOT NULL,            -- JSON array of strings
    title_hash    TEXT    NOT NULL,            -- hashes of the normalised fields (FieldHashes)
    byline_hash   TEXT    NOT NULL,
    body_hash     TEXT    NOT NULL,
    changed       TEXT    NOT NULL,            -- comma-separated: title,byline,body
    boring        INTEGER NOT NULL,
    boring_reason TEXT,
    capture_ref   TEXT,
    UNIQUE (article_id, n)
);
CREATE INDEX versions_fetched_at ON versions (fetched_at);

CREATE TABLE check_log (
    id          ${id_pk},
    article_id  BIGINT  NOT NULL REFERENCES articles (id),
    at          BIGINT  NOT NULL,
    http_status INTEGER,
    outcome     TEXT    NOT NULL,
    error       TEXT
);
CREATE INDEX check_log_article_at ON check_log (article_id, at);
CREATE INDEX check_log_at ON check_log (at);

CREATE TABLE article_events (
    id         ${id_pk},
    article_id BIGINT NOT NULL REFERENCES articles (id),
    at         BIGINT NOT NULL,
    kind       TEXT   NOT NULL,
    detail     TEXT
);
CREATE INDEX article_events_article_at ON article_events (article_id, at);

-- Next free request slot per host, shared by every worker on this database.
CREATE TABLE host_slots (
    host      TEXT   NOT NULL PRIMARY KEY,
    next_free BIGINT NOT NULL
);
