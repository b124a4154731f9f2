package dev.redline.webhook;

import dev.redline.store.Delivery;
import java.time.Instant;

/**
 * A delivery as logged by {@code redline watch log} and {@code GET /api/watches/{id}/deliveries}:
 * its state (delivered, pending, failed) and last outcome, not its payload.
 */
public record DeliveryInfo(long id, long versionId, String state, int attempts, Instant createdAt, Instant deliveredAt,
                           Instant nextAttempt, Integer lastStatus, String lastError) {
    public static DeliveryInfo of(Delivery d) {
        return new DeliveryInfo(d.id(), d.versionId(), d.state(), d.attempts(), d.createdAt(), d.deliveredAt(),
                d.nextAttempt(), d.lastStatus(), d.lastError());
    }
}
