package dev.redline.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * Hands out request slots per host so requests to one host are spaced by a minimum delay. The
 * store's {@code reserveHostSlot} implements this across workers sharing a database
 * ({@code store::reserveHostSlot}); {@link InMemoryHostSlots} does it within one process.
 */
@FunctionalInterface
public interface HostSlots {
    /** Returns when (never before {@code now}) the caller may send; the host's next slot moves to that plus {@code minDelay}. */
    Instant reserve(String host, Instant now, Duration minDelay);
}
