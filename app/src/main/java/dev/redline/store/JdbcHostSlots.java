package dev.redline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link HostSlotStore} shared by every worker on one database: the next free request slot per host,
 * moved atomically by one upsert. Thread-safe.
 */
final class JdbcHostSlots implements HostSlotStore {
    private final Jdbi jdbi;

    JdbcHostSlots(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public Instant reserveHostSlot(String host, Instant now, Duration minDelay) {
        long delay = minDelay.toMillis();
        long nowMs = now.toEpochMilli();
        // One upsert: atomic on both databases (row lock on PostgreSQL, write lock on SQLite).
        long nextFree = jdbi.inTransaction(h -> h.createQuery("INSERT INTO host_slots (host, next_free) VALUES (:host, :first)"
                        + " ON CONFLICT (host) DO UPDATE SET next_free ="
                        + " (CASE WHEN host_slots.next_free > :now THEN host_slots.next_free ELSE :now END) + :delay"
                        + " RETURNING next_free")
                .bind("host", host.toLowerCase(Locale.ROOT)).bind("first", nowMs + delay).bind("now", nowMs)
                .bind("delay", delay).mapTo(Long.class).one());
        return Instant.ofEpochMilli(Math.max(nowMs, nextFree - delay));
    }
}
