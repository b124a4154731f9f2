package dev.redline.store;

import static dev.redline.store.Rows.instant;
import static dev.redline.store.Rows.nullableLong;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link WatchStore} over JDBC (tables of V70). Thread-safe: all state is in the database. */
final class JdbcWatches implements WatchStore {
    private static final String DELIVERY_FIELDS = "id, watch_id, version_id, payload, created_at, attempts, next_attempt,"
            + " delivered_at, last_status, last_error";

    private final Jdbi jdbi;
    private final Database db;

    JdbcWatches(Database db) {
        this.db = db;
        this.jdbi = db.jdbi();
    }

    @Override
    public Watch addWatch(Watch.Kind kind, String target, String url, String secret) {
        long now = db.clock().millis();
        long id = jdbi.inTransaction(h -> h.createQuery("INSERT INTO watches (kind, target, url, secret, created_at)"
                        + " VALUES (:k, :t, :u, :s, :at) RETURNING id")
                .bind("k", kind.toString()).bind("t", target).bind("u", url).bind("s", secret).bind("at", now)
                .mapTo(Long.class).one());
        return watch(id).orElseThrow();
    }

    @Override
    public List<Watch> watches() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM watches ORDER BY id").map(JdbcWatches::watch).list());
    }

    @Override
    public Optional<Watch> watch(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM watches WHERE id = :id").bind("id", id)
                .map(JdbcWatches::watch).findOne());
    }

    @Override
    public boolean removeWatch(long id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM webhook_attempts WHERE outbox_id IN (SELECT id FROM webhook_outbox WHERE watch_id = :id)")
                    .bind("id", id).execute();
            h.createUpdate("DELETE FROM webhook_outbox WHERE watch_id = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM watches WHERE id = :id").bind("id", id).execute() > 0;
        });
    }

    @Override
    public boolean enqueue(long watchId, long versionId, String payload, Instant at) {
        return jdbi.inTransaction(h -> h.createUpdate("INSERT INTO webhook_outbox (watch_id, version_id, payload, created_at,"
                        + " attempts, next_attempt) VALUES (:w, :v, :p, :at, 0, :at) ON CONFLICT (watch_id, version_id) DO NOTHING")
                .bind("w", watchId).bind("v", versionId).bind("p", payload).bind("at", at.toEpochMilli()).execute() > 0);
    }

    @Override
    public List<Delivery> claimDueDeliveries(Instant now, int limit, String owner, Duration lease) {
        String sql = "UPDATE webhook_outbox SET lease_owner = :owner, leased_until = :until WHERE id IN ("
                + "SELECT id FROM webhook_outbox WHERE next_attempt IS NOT NULL AND next_attempt <= :now"
                + " AND (leased_until IS NULL OR leased_until <= :now) ORDER BY next_attempt, id LIMIT :limit"
                + (db.postgres() ? " FOR UPDATE SKIP LOCKED" : "") + ") RETURNING " + DELIVERY_FIELDS;
        List<Delivery> claimed = new ArrayList<>(jdbi.inTransaction(h -> h.createQuery(sql)
                .bind("owner", owner).bind("until", now.plus(lease).toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("limit", limit).map(JdbcWatches::delivery).list()));
        claimed.sort(Comparator.comparing(Delivery::nextAttempt).thenComparingLong(Delivery::id)); // RETURNING has no order
        return claimed;
    }

    @Override
    public void recordAttempt(long deliveryId, Instant at, Integer httpStatus, String error, boolean delivered,
                              Instant nextAttempt) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO webhook_attempts (outbox_id, at, http_status, error) VALUES (:o, :at, :s, :e)")
                    .bind("o", deliveryId).bind("at", at.toEpochMilli()).bind("s", httpStatus).bind("e", error).execute();
            h.createUpdate("UPDATE webhook_outbox SET attempts = attempts + 1, last_status = :s, last_error = :e,"
                            + " delivered_at = :d, next_attempt = :n, lease_owner = NULL, leased_until = NULL WHERE id = :o")
                    .bind("s", httpStatus).bind("e", error).bind("d", delivered ? at.toEpochMilli() : null)
                    .bind("n", delivered || nextAttempt == null ? null : nextAttempt.toEpochMilli()).bind("o", deliveryId)
                    .execute();
        });
    }

    @Override
    public List<Delivery> deliveries(long watchId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + DELIVERY_FIELDS + " FROM webhook_outbox WHERE watch_id = :w"
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("w", watchId).bind("limit", limit).map(JdbcWatches::delivery).list());
    }

    private static Watch watch(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Watch(rs.getLong("id"), Watch.Kind.fromWire(rs.getString("kind")), rs.getString("target"),
                rs.getString("url"), rs.getString("secret"), instant(rs, "created_at"));
    }

    private static Delivery delivery(ResultSet rs, StatementContext ctx) throws SQLException {
        Long status = nullableLong(rs, "last_status");
        return new Delivery(rs.getLong("id"), rs.getLong("watch_id"), rs.getLong("version_id"), rs.getString("payload"),
                instant(rs, "created_at"), rs.getInt("attempts"), instant(rs, "next_attempt"), instant(rs, "delivered_at"),
                status == null ? null : status.intValue(), rs.getString("last_error"));
    }
}
