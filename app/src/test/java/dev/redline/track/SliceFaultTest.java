package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tracker's batched writes under a fault in the middle of a slice, on real SQLite and
 * PostgreSQL: the database refuses one article's version (a trigger), the slice's other checks are
 * still stored, the refused check leaves nothing behind (no version, no check-log row, no
 * validators) and keeps its lease, and once the lease expires the next round does it again and
 * stores it. No version is ever lost.
 */
class SliceFaultTest {
    private static final Instant T0 = Instant.parse("2026-03-01T04:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRefusedWriteCostsOnlyItsOwnCheckWhichTheNextRoundRedoes(String database) throws Exception {
        String url = url(database);
        TrackerConfig config = TrackerConfig.defaults().withThreads(1).withBatchSize(4);
        try (Rig rig = Rig.start(url, 12, config)) {
            VirtualClock clock = rig.clock();
            NewsroomSimulator sim = rig.sim();
            Store store = rig.store();
            Tracker tracker = rig.tracker();
            String refused = sim.articleUrl("wire-0", "story-0-5");
            refuse(database, url, refused, true);

            PollSummary first = tracker.pollOnce(false);

            assertThat(first.checks()).isEqualTo(12);
            Article victim = store.articleByUrl(refused).orElseThrow();
            assertThat(store.versions(victim.id())).isEmpty();
            assertThat(store.checks(victim.id(), 5)).isEmpty();
            assertThat(store.fetchState(victim.id()).etag()).isNull();
            assertThat(store.articles(null, 0, 100)).filteredOn(a -> a.id() != victim.id())
                    .hasSize(11).allSatisfy(a -> assertThat(a.versionCount()).as(a.url()).isEqualTo(1));

            refuse(database, url, refused, false);
            clock.advance(Duration.ofMinutes(1));
            assertThat(tracker.pollOnce(false).checks()).as("still leased to the first round's worker").isZero();

            clock.advance(config.lease());
            PollSummary redone = tracker.pollOnce(false);
            assertThat(redone.checks()).isEqualTo(1);
            assertThat(redone.newVersions()).isEqualTo(1);
            assertThat(store.versions(victim.id())).hasSize(1);
            assertThat(store.versionCount()).isEqualTo(12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRefusedLessonCostsNoVersion(String database) throws Exception {
        String url = url(database);
        try (Rig rig = Rig.start(url, 6, TrackerConfig.defaults().withThreads(1).withBatchSize(3))) {
            Store store = rig.store();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                // every lesson's line counts are refused: each slice fails, and so does each check alone with its lesson
                s.execute(database.equals("sqlite")
                        ? "CREATE TRIGGER refuse_lines BEFORE INSERT ON learned_lines BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
                        : "ALTER TABLE learned_lines ADD CONSTRAINT refuse_lines CHECK (articles < 0)");
            }

            PollSummary first = rig.tracker().pollOnce(false);

            assertThat(first.newVersions()).isEqualTo(6);
            assertThat(store.articles(null, 0, 100)).hasSize(6).allSatisfy(a -> {
                assertThat(a.versionCount()).as(a.url()).isEqualTo(1);
                assertThat(store.learnedLines().lens(a.id())).as("the lens is pinned with the check").isPresent();
            });
            assertThat(store.learnedLines().ordinal(rig.source())).as("nothing was taught").isZero();
        }
    }

    private String url(String database) {
        return database.equals("sqlite") ? TestDatabases.sqliteUrl(dir) : TestDatabases.freshPostgresUrl();
    }

    /** A one-site newsroom of {@code stories} on virtual time, a store on {@code url} with the site as its source, and a tracker. */
    private record Rig(VirtualClock clock, NewsroomSimulator sim, Store store, Fetcher fetcher, Tracker tracker, long source)
            implements AutoCloseable {
        static Rig start(String url, int stories, TrackerConfig config) {
            VirtualClock clock = new VirtualClock(T0);
            Newsroom newsroom = Newsroom.generated(1, stories, 1, Duration.ofHours(4), 3);
            NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, T0.minus(Duration.ofHours(2)));
            Store store = Store.open(url, clock);
            Fetcher fetcher = new Fetcher(FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ZERO),
                    clock, clock.sleeper(), store::reserveHostSlot, null);
            long source = store.addSource("wire", List.of(sim.site("wire-0").rssUrl()), List.of(), ExtractRules.NONE).id();
            Tracker tracker = new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store), clock, config);
            return new Rig(clock, sim, store, fetcher, tracker, source);
        }

        @Override
        public void close() {
            fetcher.close();
            store.close();
            sim.close();
        }
    }

    /** Installs (or drops) a trigger that makes the database refuse every version of the article at {@code url}. */
    private static void refuse(String database, String jdbcUrl, String url, boolean on) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            if (!on) {
                s.execute("DROP TRIGGER refuse_version" + (database.equals("sqlite") ? "" : " ON versions"));
                return;
            }
            String victim = "(SELECT id FROM articles WHERE url = '" + url + "')";
            if (database.equals("sqlite")) {
                s.execute("CREATE TRIGGER refuse_version BEFORE INSERT ON versions WHEN NEW.article_id = " + victim
                        + " BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
            } else {
                s.execute("CREATE OR REPLACE FUNCTION refuse_version() RETURNS trigger AS $$ BEGIN IF NEW.article_id = "
                        + victim + " THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                s.execute("CREATE TRIGGER refuse_version BEFORE INSERT ON versions FOR EACH ROW EXECUTE FUNCTION refuse_version()");
            }
        }
    }
}
