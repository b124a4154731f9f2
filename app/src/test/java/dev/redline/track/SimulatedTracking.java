package dev.redline.track;

import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.WarcArchive;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Tracks a simulated newsroom the way the replay tests need it: one worker, loopback allowed,
 * articles re-checked every 15 minutes at first, the virtual clock moved in 5-minute steps.
 */
public final class SimulatedTracking {
    private static final Duration STEP = Duration.ofMinutes(5);

    private SimulatedTracking() {
    }

    /** Polls {@code store}'s sources from {@code from} until {@code until}, capturing into {@code dir/warc}. */
    public static void track(Store store, VirtualClock clock, Path dir, Instant from, Instant until) {
        FetchConfig fetchConfig = FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ofSeconds(1));
        TrackerConfig defaults = TrackerConfig.defaults().withThreads(1).withFeedInterval(Duration.ofMinutes(10));
        TrackerConfig config = new TrackerConfig(defaults.workerId(), 1, 8, defaults.lease(),
                new Schedule(Duration.ofMinutes(15), 1.2, Duration.ofDays(40), Duration.ofHours(1)),
                defaults.feedInterval(), defaults.idleWait());
        try (Fetcher fetcher = new Fetcher(fetchConfig, clock, clock.sleeper(), store::reserveHostSlot,
                new WarcArchive(dir.resolve("warc"), clock))) {
            Tracker tracker = new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store), clock,
                    config);
            for (Instant t = from; t.isBefore(until); t = t.plus(STEP)) {
                clock.advanceTo(t);
                tracker.pollOnce(false);
            }
        }
    }
}
