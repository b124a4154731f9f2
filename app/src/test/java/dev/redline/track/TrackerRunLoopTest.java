package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Store;
import dev.redline.fetch.InMemoryHostSlots;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The continuous loop ({@code redline poll} without --once) keeps rounds going and stops when asked. */
class TrackerRunLoopTest {

    @Test
    void runsRoundsUntilStopped(@TempDir Path dir) throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T06:00:00Z"));
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock);
             Fetcher fetcher = new Fetcher(FetchConfig.defaults().withAllowPrivateNetwork(true)
                     .withHostDelay(Duration.ZERO), clock, clock.sleeper(), store::reserveHostSlot, null)) {
            var gazette = sim.site("harbour-gazette");
            store.addSource(gazette.name(), List.of(gazette.rssUrl()), List.of(), ExtractRules.NONE);
            Tracker tracker = new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store), clock,
                    TrackerConfig.defaults().withThreads(1).withIdleWait(Duration.ofMillis(20)));
            List<PollSummary> rounds = new CopyOnWriteArrayList<>();
            Thread loop = Thread.ofPlatform().start(() -> tracker.run(rounds::add));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (rounds.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            clock.advance(Duration.ofHours(2));
            int seen = rounds.size();
            while (rounds.size() < seen + 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            tracker.stop();
            loop.join(Duration.ofSeconds(30));
            assertThat(loop.isAlive()).isFalse();
            assertThat(rounds.size()).isGreaterThanOrEqualTo(seen + 3);
            assertThat(rounds.getFirst().newVersions()).isEqualTo(1);
            // two hours on, the ferry story has changed and the lighthouse and fish stories appeared
            assertThat(store.versionCount()).isEqualTo(4);
        }
    }

    @Test
    void aRoundThatFailsAsAWholeDoesNotEndTheLoop(@TempDir Path dir) throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T06:00:00Z"));
        String url = "jdbc:sqlite:" + dir.resolve("redline.db");
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock);
             Store store = Store.open(url, clock);
             Fetcher fetcher = new Fetcher(FetchConfig.defaults().withAllowPrivateNetwork(true)
                     .withHostDelay(Duration.ZERO), clock, clock.sleeper(), new InMemoryHostSlots(), null)) {
            var gazette = sim.site("harbour-gazette");
            store.addSource(gazette.name(), List.of(gazette.rssUrl()), List.of(), ExtractRules.NONE);
            Tracker tracker = new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store), clock,
                    TrackerConfig.defaults().withThreads(1).withIdleWait(Duration.ofMillis(20)));
            List<PollSummary> rounds = new CopyOnWriteArrayList<>();
            Thread loop;
            // another program holds the database: every round fails until it lets go
            try (Connection other = DriverManager.getConnection(url); Statement lock = other.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
                loop = Thread.ofPlatform().start(() -> tracker.run(rounds::add));
                Thread.sleep(4_000);
                assertThat(loop.isAlive()).isTrue();
                assertThat(rounds).isEmpty();
                lock.execute("ROLLBACK");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (store.versionCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            tracker.stop();
            loop.join(Duration.ofSeconds(30));
            assertThat(store.versionCount()).isEqualTo(1);
            assertThat(rounds).isNotEmpty();
        }
    }
}
