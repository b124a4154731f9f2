package dev.redline.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HostSlots} for one process (e.g. {@code redline extract URL} without a store). Thread-safe. */
public final class InMemoryHostSlots implements HostSlots {
    private final ConcurrentHashMap<String, Instant> nextFree = new ConcurrentHashMap<>();

    @Override
    public Instant reserve(String host, Instant now, Duration minDelay) {
        Instant[] granted = new Instant[1];
        nextFree.compute(host, (h, free) -> {
            Instant slot = free == null || free.isBefore(now) ? now : free;
            granted[0] = slot;
            return slot.plus(minDelay);
        });
        return granted[0];
    }
}
