-- WebSub unsubscriptions that outlive their source: removing a source deletes its subscriptions
-- (ON DELETE CASCADE), so the hubs it was subscribed at are remembered here until each has been
-- asked to stop and has verified it (or a few tries failed). The callback key stays reserved meanwhile,
-- because the hub verifies the unsubscription with a GET on the same callback URL. Instants are
-- epoch milliseconds, as in V1; next_action 0 means due at once.

CREATE TABLE websub_departures (
    id            ${id_pk},
    hub           TEXT    NOT NULL,
    topic         TEXT    NOT NULL,
    callback_key  TEXT    NOT NULL UNIQUE,
    tries         INTEGER NOT NULL,            -- unsubscribe requests sent so far
    next_action   BIGINT  NOT NULL,            -- when to send the next one
    last_error    TEXT
);
CREATE INDEX websub_departures_due ON websub_departures (next_action);
