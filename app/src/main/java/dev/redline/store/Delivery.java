package dev.redline.store;

import java.time.Instant;

/**
 * One webhook delivery in the outbox: a payload for a watch, and how its attempts went.
 *
 * @param id          store id (sent as {@code X-Redline-Delivery})
 * @param watchId     the watch
 * @param versionId   the version it announces
 * @param payload     the JSON body
 * @param createdAt   when the version was recorded and the delivery queued
 * @param attempts    POSTs tried so far
 * @param nextAttempt when it is tried next, or null when delivered or given up
 * @param deliveredAt when a receiver answered 2xx, or null
 * @param lastStatus  the last HTTP status, or null (no answer)
 * @param lastError   what went wrong last, or null
 */
public record Delivery(long id, long watchId, long versionId, String payload, Instant createdAt, int attempts,
                       Instant nextAttempt, Instant deliveredAt, Integer lastStatus, String lastError) {

    /** "delivered", "pending" (waiting for its next try) or "failed" (given up). */
    public String state() {
        return deliveredAt != null ? "delivered" : nextAttempt != null ? "pending" : "failed";
    }
}
