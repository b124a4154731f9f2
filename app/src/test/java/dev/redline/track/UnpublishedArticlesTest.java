package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SimRequest;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStatus;
import dev.redline.store.CheckLog;
import dev.redline.store.EventKind;
import dev.redline.store.Outcome;
import dev.redline.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unpublished article (a redirect to the home page, a removal notice) is not a 404: tracking
 * goes on at the quiet schedule's pace, the take-down is one event however many checks see it, and
 * when the page comes back (a maintenance redirect ends) the return is an event and its text is
 * compared as usual. Through the newsroom simulator on loopback, in virtual time.
 */
class UnpublishedArticlesTest {
    private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aMaintenanceRedirectOrARemovalNoticeKeepsTheArticleTrackedAndItsReturnIsRecorded() {
        VirtualClock clock = new VirtualClock(EPOCH.plus(Duration.ofHours(8)));
        // one version each, published in the first two hours: nothing changes while the site is down
        Newsroom newsroom = Newsroom.generated(2, 3, 1, Duration.ofHours(8), 5);
        Schedule schedule = Schedule.NEWSSNIFFER;
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, EPOCH);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock);
             Fetcher fetcher = new Fetcher(FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ZERO),
                     clock, clock.sleeper(), store::reserveHostSlot, null)) {
            sim.sites().forEach(s -> store.addSource(s.name(), List.of(s.rssUrl()), List.of(), ExtractRules.NONE));
            Tracker tracker = new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store), clock,
                    TrackerConfig.defaults().withThreads(2).withBatchSize(2));
            assertThat(tracker.pollOnce(false).newVersions()).isEqualTo(6);

            sim.misbehave("wire-0").redirectArticlesHome(true);
            sim.misbehave("wire-1").removalNotices(true);
            for (int round = 0; round < 3; round++) {
                clock.advance(Duration.ofDays(2));
                assertThat(tracker.pollOnce(false).checks()).isEqualTo(6);
            }
            for (Article a : store.articles(null, 0, 100)) {
                assertThat(a.status()).as(a.url()).isEqualTo(ArticleStatus.ACTIVE);
                assertThat(a.nextCheck()).as("quiet schedule: not before a day").isAfterOrEqualTo(
                        clock.instant().plus(schedule.maxBackoff()));
                assertThat(store.events(a.id())).as("one take-down event for three checks")
                        .filteredOn(e -> e.kind() == EventKind.UNPUBLISHED).singleElement()
                        .extracting(ArticleEvent::detail).asString()
                        .satisfiesAnyOf(d -> assertThat(d).startsWith("redirected to " + sim.site("wire-0").baseUrl()),
                                d -> assertThat(d).isEqualTo("the page says: This article has been removed."));
                assertThat(store.checks(a.id(), 3)).extracting(CheckLog::outcome).containsOnly(Outcome.UNPUBLISHED);
            }

            // the maintenance ends: the next quiet check sees the articles again, and says so
            sim.misbehave("wire-0").redirectArticlesHome(false);
            sim.misbehave("wire-1").removalNotices(false);
            int before = sim.requests().size();
            clock.advance(Duration.ofDays(5));
            PollSummary back = tracker.pollOnce(false);
            assertThat(back.checks()).isEqualTo(6);
            assertThat(back.newVersions()).as("the same text came back").isZero();
            assertThat(sim.requests().subList(before, sim.requests().size())).extracting(SimRequest::status)
                    .doesNotContain(302);
            for (Article a : store.articles(null, 0, 100)) {
                assertThat(store.versions(a.id())).hasSize(1);
                List<ArticleEvent> events = store.events(a.id());
                assertThat(events.getLast().kind()).as(a.url()).isEqualTo(EventKind.REPUBLISHED);
                assertThat(store.checks(a.id(), 1)).extracting(CheckLog::outcome)
                        .as("the article's own validators were kept").containsExactly(Outcome.NOT_MODIFIED);
                assertThat(store.article(a.id()).orElseThrow().nextCheck())
                        .as("back on the normal schedule").isBefore(clock.instant().plus(Duration.ofHours(1)));
            }
        }
    }
}
