package dev.redline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks: the watches, and the outbox of deliveries with its attempt log. A queued delivery is
 * never lost: it stays in the outbox until delivered or given up, across restarts. Deliverers claim
 * due deliveries with a lease, so any number of {@code redline serve} processes on one database
 * never POST the same delivery at once. Implementations are thread-safe.
 */
public interface WatchStore {

    Watch addWatch(Watch.Kind kind, String target, String url, String secret);

    List<Watch> watches();

    Optional<Watch> watch(long id);

    /** Removes a watch and its deliveries; false when there is none. */
    boolean removeWatch(long id);

    /** Queues a delivery, due at once; a second one for the same watch and version is ignored (false). */
    boolean enqueue(long watchId, long versionId, String payload, Instant at);

    /**
     * Claims up to {@code limit} deliveries due at {@code now} (not delivered, not given up, not
     * leased by another deliverer) for {@code owner} until {@code now + lease}, oldest first. One
     * statement: {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, a conditional update on SQLite (whose
     * writers are serialised), so two deliverers never hold the same delivery.
     */
    List<Delivery> claimDueDeliveries(Instant now, int limit, String owner, Duration lease);

    /**
     * Logs one attempt and its outcome, and releases the claim: delivered (2xx) when
     * {@code delivered}, else due again at {@code nextAttempt} (null to give up).
     */
    void recordAttempt(long deliveryId, Instant at, Integer httpStatus, String error, boolean delivered, Instant nextAttempt);

    /** A watch's deliveries, newest first. */
    List<Delivery> deliveries(long watchId, int limit);
}
