package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.fetch.InMemoryHostSlots;
import dev.redline.sim.HostileSite;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStatus;
import dev.redline.store.EventKind;
import dev.redline.store.Outcome;
import dev.redline.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outages are temporary: an unreachable robots.txt, a server that is down or a refused address
 * makes an article failing (retried with back-off), never settled, and tracking resumes when the
 * site is back. Only a real disallow ends it.
 */
class OutageTest {
    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");
    private static final Duration LATER = Duration.ofDays(2);

    @TempDir
    Path dir;
    private final VirtualClock clock = new VirtualClock(T0);
    private HostileSite site;
    private Store store;
    private Fetcher fetcher;
    private Tracker tracker;

    @BeforeEach
    void start() {
        site = new HostileSite();
        store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock);
        tracker = tracker(FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ZERO));
    }

    private Tracker tracker(FetchConfig config) {
        fetcher = new Fetcher(config, clock, clock.sleeper(), new InMemoryHostSlots(), null);
        return new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store), clock,
                TrackerConfig.defaults().withThreads(1));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        store.close();
        site.close();
    }

    private static String page(String headline) {
        return "<html><head><title>" + headline + "</title></head><body><article><h1>" + headline + "</h1><p>"
                + "The harbour authority said on Monday that the ferry link would reopen next week after repairs. ".repeat(4)
                + "</p></article></body></html>";
    }

    private void serve(String robotsStatus, String headline) {
        site.answer("/robots.txt", Integer.parseInt(robotsStatus), "text/plain", "User-agent: *\nAllow: /\n");
        site.answer("/news/ferry", 200, "text/html; charset=utf-8", page(headline));
    }

    private Article article() {
        return store.articleByUrl(site.url("/news/ferry")).orElseThrow();
    }

    @Test
    void aRobotsTxtThatAnswers503IsRetriedNotSettled() {
        serve("503", "Ferry link to reopen");
        var first = tracker.track(site.url("/news/ferry"), null);
        assertThat(first.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(first.article().status()).isEqualTo(ArticleStatus.FAILING);
        assertThat(store.checks(first.article().id(), 1).getFirst().error())
                .contains("robots.txt of 127.0.0.1:").contains("is unreachable (HTTP 503); will retry");
        assertThat(store.events(first.article().id())).extracting(ArticleEvent::kind).doesNotContain(EventKind.DISALLOWED);

        serve("200", "Ferry link to reopen");
        clock.advance(LATER);
        tracker.pollOnce(false);
        assertThat(article().status()).isEqualTo(ArticleStatus.ACTIVE);
        assertThat(article().versionCount()).isEqualTo(1);
    }

    @Test
    void aSiteThatIsDownComesBackAndItsArticlesWithIt() {
        serve("200", "Ferry link to reopen");
        assertThat(tracker.track(site.url("/news/ferry"), null).outcome()).isEqualTo(Outcome.NEW_VERSION);

        site.down();
        for (int round = 0; round < 3; round++) {
            clock.advance(LATER);
            assertThat(tracker.pollOnce(false).errors()).isEqualTo(1);
            assertThat(article().status()).isEqualTo(ArticleStatus.FAILING);
        }
        assertThat(store.checks(article().id(), 1).getFirst().error()).contains("unreachable");

        serve("200", "Ferry link reopens after repairs");
        site.up();
        clock.advance(LATER);
        tracker.pollOnce(false);
        assertThat(article().status()).isEqualTo(ArticleStatus.ACTIVE);
        assertThat(article().versionCount()).isEqualTo(2);
    }

    @Test
    void aNewArticleOnASiteThatIsDownIsRetried() {
        site.down();
        var first = tracker.track(site.url("/news/ferry"), null);
        assertThat(first.article().status()).isEqualTo(ArticleStatus.FAILING);
        serve("200", "Ferry link to reopen");
        site.up();
        clock.advance(LATER);
        tracker.pollOnce(true);
        assertThat(article().versionCount()).isEqualTo(1);
    }

    @Test
    void aRefusedPrivateAddressIsFailingNotSettled() {
        serve("200", "Ferry link to reopen");
        fetcher.close();
        tracker = tracker(FetchConfig.defaults().withHostDelay(Duration.ZERO));
        var refused = tracker.track(site.url("/news/ferry"), null);
        assertThat(refused.article().status()).isEqualTo(ArticleStatus.FAILING);
        assertThat(site.requested()).isEmpty();
    }

    @Test
    void onlyARealDisallowSettles() {
        site.answer("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /news/\n");
        site.answer("/news/ferry", 200, "text/html", page("Ferry"));
        var disallowed = tracker.track(site.url("/news/ferry"), null);
        assertThat(disallowed.outcome()).isEqualTo(Outcome.DISALLOWED);
        assertThat(disallowed.article().status()).isEqualTo(ArticleStatus.SETTLED);
    }
}
