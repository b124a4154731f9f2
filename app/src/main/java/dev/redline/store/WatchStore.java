package dev.redline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks: the watches, and the outbox of deliveries with its attempt log. A queued delivery is
 * never lost: it stays in the outbox until delivered or given up, across restarts. Implementations
 * are thread-safe; one process delivers at a time (no leases: {@code redline serve} is the deliverer).
 */
public interface WatchStore {

    Watch addWatch(Watch.Kind kind, String target, String url, String secret);

    List<Watch> watches();

    Optional<Watch> watch(long id);

    /** Removes a watch and its deliveries; false when there is none. */
    boolean removeWatch(long id);

    /** Queues a delivery, due at once; a second one for the same watch and version is ignored (false). */
    boolean enqueue(long watchId, long versionId, String payload, Instant at);

    /** Deliveries due at {@code now} (not delivered, not given up), oldest first. */
    List<Delivery> dueDeliveries(Instant now, int limit);

    /**
     * Logs one attempt and its outcome: delivered (2xx) when {@code delivered}, else due again at
     * {@code nextAttempt} (null to give up).
     */
    void recordAttempt(long deliveryId, Instant at, Integer httpStatus, String error, boolean delivered, Instant nextAttempt);

    /** A watch's deliveries, newest first. */
    List<Delivery> deliveries(long watchId, int limit);
}
