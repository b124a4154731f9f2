package dev.redline.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-host request slots shared by every worker on one database, so that requests to one host are
 * spaced by a minimum delay across processes. One of the {@link Store}'s jobs; the fetcher takes
 * it as its {@code HostSlots} ({@code store::reserveHostSlot}). Thread-safe.
 */
public interface HostSlotStore {

    /**
     * Reserves the next request slot for a host (case-insensitive): returns the instant (never
     * before {@code now}) at which the caller may send its request, and moves the host's next free
     * slot to that instant plus {@code minDelay}. Atomic across processes.
     */
    Instant reserveHostSlot(String host, Instant now, Duration minDelay);
}
