package dev.redline.store;

import static dev.redline.store.Rows.instant;
import static dev.redline.store.Rows.millis;
import static dev.redline.store.Rows.nullableLong;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link SubscriptionStore} over JDBC (the tables of V71 and V80). Thread-safe: all state is in the database. */
final class JdbcSubscriptions implements SubscriptionStore {
    private final Jdbi jdbi;

    JdbcSubscriptions(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public Subscription addSubscription(long sourceId, String feedUrl, String hub, String topic, String callbackKey,
                                        String secret, Instant at) {
        long id = jdbi.inTransaction(h -> h.createQuery("INSERT INTO websub_subscriptions (source_id, feed_url, hub, topic,"
                        + " callback_key, secret, state, next_action, failures, pushes, refused, created_at)"
                        + " VALUES (:s, :f, :h, :t, :k, :secret, 'new', :at, 0, 0, 0, :at) RETURNING id")
                .bind("s", sourceId).bind("f", feedUrl).bind("h", hub).bind("t", topic).bind("k", callbackKey)
                .bind("secret", secret).bind("at", at.toEpochMilli()).mapTo(Long.class).one());
        return one("id = :v", id).orElseThrow();
    }

    @Override
    public Optional<Subscription> subscription(long sourceId, String feedUrl) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM websub_subscriptions WHERE source_id = :s AND feed_url = :f")
                .bind("s", sourceId).bind("f", feedUrl).map(JdbcSubscriptions::row).findOne());
    }

    @Override
    public Optional<Subscription> subscriptionByCallback(String callbackKey) {
        return one("callback_key = :v", callbackKey);
    }

    private Optional<Subscription> one(String where, Object value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM websub_subscriptions WHERE " + where)
                .bind("v", value).map(JdbcSubscriptions::row).findOne());
    }

    @Override
    public List<Subscription> subscriptions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM websub_subscriptions ORDER BY source_id, feed_url")
                .map(JdbcSubscriptions::row).list());
    }

    @Override
    public List<Subscription> dueSubscriptions(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM websub_subscriptions WHERE next_action IS NOT NULL"
                        + " AND next_action <= :now ORDER BY next_action, id LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map(JdbcSubscriptions::row).list());
    }

    @Override
    public boolean updateSubscription(Subscription s, Subscription.State expected) {
        return jdbi.inTransaction(h -> h.createUpdate("UPDATE websub_subscriptions SET hub = :hub, topic = :topic,"
                        + " state = :state, lease_seconds = :lease, lease_until = :until, next_action = :next,"
                        + " failures = :failures, last_error = :error WHERE id = :id AND state = :expected")
                .bind("hub", s.hub()).bind("topic", s.topic()).bind("state", s.state().toString())
                .bind("lease", s.leaseSeconds()).bind("until", millis(s.leaseUntil())).bind("next", millis(s.nextAction()))
                .bind("failures", s.failures()).bind("error", s.lastError()).bind("id", s.id())
                .bind("expected", expected.toString()).execute() > 0);
    }

    @Override
    public void recordPush(long subscriptionId, Instant at, boolean accepted) {
        String set = accepted ? "pushes = pushes + 1, last_push = :at" : "refused = refused + 1";
        jdbi.useTransaction(h -> h.createUpdate("UPDATE websub_subscriptions SET " + set + " WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", subscriptionId).execute());
    }

    @Override
    public boolean removeSubscription(long subscriptionId) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM websub_subscriptions WHERE id = :id")
                .bind("id", subscriptionId).execute() > 0);
    }

    @Override
    public void pollFeedAt(long sourceId, String feedUrl, Instant at) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE source_feeds SET next_poll = :at WHERE source_id = :s AND url = :u"
                        + " AND next_poll > :at")
                .bind("at", at.toEpochMilli()).bind("s", sourceId).bind("u", feedUrl).execute());
    }

    @Override
    public List<Departure> dueDepartures(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM websub_departures WHERE next_action <= :now"
                        + " ORDER BY next_action, id LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map(JdbcSubscriptions::departure).list());
    }

    @Override
    public Optional<Departure> departureByCallback(String callbackKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM websub_departures WHERE callback_key = :k")
                .bind("k", callbackKey).map(JdbcSubscriptions::departure).findOne());
    }

    @Override
    public boolean claimDeparture(Departure d, Instant next) {
        return jdbi.inTransaction(h -> h.createUpdate("UPDATE websub_departures SET tries = tries + 1, next_action = :next"
                        + " WHERE id = :id AND tries = :tries")
                .bind("next", next.toEpochMilli()).bind("id", d.id()).bind("tries", d.tries()).execute() > 0);
    }

    @Override
    public void departureFailed(long departureId, Instant next, String error) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE websub_departures SET next_action = :next, last_error = :error"
                        + " WHERE id = :id")
                .bind("next", next.toEpochMilli()).bind("error", error).bind("id", departureId).execute());
    }

    @Override
    public boolean removeDeparture(long departureId) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM websub_departures WHERE id = :id")
                .bind("id", departureId).execute() > 0);
    }

    private static Departure departure(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Departure(rs.getLong("id"), rs.getString("hub"), rs.getString("topic"), rs.getString("callback_key"),
                rs.getInt("tries"), instant(rs, "next_action"), rs.getString("last_error"));
    }

    private static Subscription row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("source_id"), rs.getString("feed_url"), rs.getString("hub"),
                rs.getString("topic"), rs.getString("callback_key"), rs.getString("secret"),
                Subscription.State.fromWire(rs.getString("state")), nullableLong(rs, "lease_seconds"),
                instant(rs, "lease_until"), instant(rs, "next_action"), rs.getInt("failures"), rs.getString("last_error"),
                instant(rs, "last_push"), rs.getLong("pushes"), rs.getLong("refused"));
    }
}
