package dev.redline.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, shared by the simulator, the fetcher and the tracker in
 * tests and demos so a day of news replays in seconds. Thread-safe; time never goes backwards.
 */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;

    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves time forward by {@code d} and returns the new instant. */
    public Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + d);
        }
        return now.updateAndGet(t -> t.plus(d));
    }

    /** Moves time forward to {@code t} (no-op when already later). */
    public Instant advanceTo(Instant t) {
        return now.updateAndGet(cur -> cur.isBefore(t) ? t : cur);
    }

    /** A sleeper that, instead of waiting, moves this clock forward. */
    public dev.redline.fetch.Sleeper sleeper() {
        return this::advance;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a virtual clock is always UTC");
    }
}
