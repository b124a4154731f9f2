-- Webhooks (issue 13): what a user watches, where to POST, and an outbox of deliveries that
-- survives a restart; every attempt is logged. Instants are epoch milliseconds, as in V1.

CREATE TABLE watches (
    id         ${id_pk},
    kind       TEXT    NOT NULL,            -- article | source | query (WatchKind)
    target     TEXT    NOT NULL,            -- the article id, the source name, or the search words
    url        TEXT    NOT NULL,            -- where deliveries are POSTed
    secret     TEXT    NOT NULL,            -- HMAC-SHA256 key of the X-Redline-Signature header
    created_at BIGINT  NOT NULL
);

CREATE TABLE webhook_outbox (
    id           ${id_pk},
    watch_id     BIGINT  NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    version_id   BIGINT  NOT NULL,
    payload      TEXT    NOT NULL,          -- the JSON body, fixed when the version was recorded
    created_at   BIGINT  NOT NULL,
    attempts     INTEGER NOT NULL,
    next_attempt BIGINT,                    -- null once delivered or given up
    delivered_at BIGINT,
    last_status  INTEGER,
    last_error   TEXT,
    UNIQUE (watch_id, version_id)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt);

CREATE TABLE webhook_attempts (
    id          ${id_pk},
    outbox_id   BIGINT  NOT NULL REFERENCES webhook_outbox (id) ON DELETE CASCADE,
    at          BIGINT  NOT NULL,
    http_status INTEGER,
    error       TEXT
);
CREATE INDEX webhook_attempts_outbox ON webhook_attempts (outbox_id);
