-- WebSub subscriptions (issue 13): one per feed whose document or Link header names a hub. The
-- callback key makes each subscription's callback URL unique and unguessable; the secret is the
-- hub.secret the hub signs content distribution with. Instants are epoch milliseconds, as in V1.

CREATE TABLE websub_subscriptions (
    id            ${id_pk},
    source_id     BIGINT  NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    feed_url      TEXT    NOT NULL,            -- the polled feed that advertised the hub
    hub           TEXT    NOT NULL,
    topic         TEXT    NOT NULL,            -- rel=self (or the feed URL when there is none)
    callback_key  TEXT    NOT NULL UNIQUE,     -- last path segment of the callback URL
    secret        TEXT    NOT NULL,            -- hub.secret (HMAC key of X-Hub-Signature)
    state         TEXT    NOT NULL,            -- new | requested | active | denied | unsubscribing
    lease_seconds BIGINT,                      -- as the hub granted it
    lease_until   BIGINT,
    next_action   BIGINT,                      -- when to (re)subscribe or retry; null: nothing to do
    failures      INTEGER NOT NULL,            -- consecutive failed requests or denials (back-off)
    last_error    TEXT,
    last_push     BIGINT,
    pushes        BIGINT  NOT NULL,            -- content distributions accepted
    refused       BIGINT  NOT NULL,            -- content distributions ignored (bad or missing signature)
    created_at    BIGINT  NOT NULL,
    UNIQUE (source_id, feed_url)
);
CREATE INDEX websub_subscriptions_due ON websub_subscriptions (next_action);
