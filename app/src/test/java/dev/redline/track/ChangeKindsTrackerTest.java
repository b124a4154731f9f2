package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.redline.change.HeadlineTest;
import dev.redline.editing.ArticleChanges;
import dev.redline.editing.EditingHistory;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SimSource;
import dev.redline.sim.Story;
import dev.redline.sim.StoryVersion;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.ArticleStatus;
import dev.redline.store.EventKind;
import dev.redline.store.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker on loopback sites, polled on a virtual clock: a headline A/B test in the simulator,
 * a teaser headline in a feed, and articles taken down by 410, by a redirect to the home page and
 * by a removal notice.
 */
class ChangeKindsTrackerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final String A = "Council passes housing budget";
    private static final String B = "Housing budget: what it means for renters";
    private static final List<String> BODY = List.of("The city council approved the housing budget on Tuesday evening.",
            "The plan sets aside 12 million pounds for new homes.", "Construction is expected to start in the spring.");

    private static final String TEASER = "Vote tonight: will the council back new homes?";

    private static String base(com.sun.net.httpserver.HttpExchange exchange) {
        return "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
    }

    private static StoryVersion at(double hours, String title) {
        return new StoryVersion(Duration.ofMinutes((long) (hours * 60)), title, "By Lee Park", BODY);
    }

    private static Tracker tracker(Store store, Fetcher fetcher, VirtualClock clock) {
        TrackerConfig config = TrackerConfig.defaults().withThreads(1).withFeedInterval(Duration.ofMinutes(10));
        config = new TrackerConfig(config.workerId(), 1, 8, config.lease(),
                new Schedule(Duration.ofMinutes(15), 1.0, Duration.ofDays(40), Duration.ofMinutes(15)),
                config.feedInterval(), config.idleWait());
        return new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store), clock, config);
    }

    private static void poll(Tracker tracker, VirtualClock clock, Duration span) {
        Instant end = clock.instant().plus(span);
        for (Instant t = clock.instant(); t.isBefore(end); t = t.plus(Duration.ofMinutes(5))) {
            clock.advanceTo(t);
            tracker.pollOnce(false);
        }
    }

    @Test
    void aHeadlineAlternatingOverSixHoursIsOneTestWithTwoVariants(@TempDir Path dir) {
        VirtualClock clock = new VirtualClock(T0);
        Story story = new Story("budget", List.of(at(0, A), at(1.5, B), at(3, A), at(4.5, B), at(6, A)), Duration.ofHours(20));
        Newsroom newsroom = new Newsroom(List.of(new SimSource("daily", "The Daily", List.of(story))));
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, T0);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock);
             Fetcher fetcher = new Fetcher(FetchConfig.defaults().withAllowPrivateNetwork(true), clock, clock.sleeper(),
                     store::reserveHostSlot, null)) {
            store.addSource("daily", List.of(sim.site("daily").rssUrl()), List.of(), ExtractRules.NONE);
            Tracker tracker = tracker(store, fetcher, clock);
            poll(tracker, clock, Duration.ofHours(16));

            Article article = store.articleByUrl(sim.articleUrl("daily", "budget")).orElseThrow();
            ArticleChanges changes = new EditingHistory(store).article(article, clock.instant());
            assertThat(changes.versions()).extracting(v -> v.text().title()).containsExactly(A, B);
            // A (v0) B (v1) A B A: three flip-flop events, the return to B (the latest) among them
            assertThat(store.events(article.id())).filteredOn(e -> e.kind() == EventKind.FLIP_FLOP)
                    .extracting(e -> e.detail()).containsExactly("the page shows version 0 again (latest is 1)",
                            "the page shows version 1 again (latest is 1)", "the page shows version 0 again (latest is 1)");
            assertThat(changes.headlineTests()).singleElement().satisfies(t -> {
                assertThat(t.variants()).containsExactly(A, B);
                assertThat(t.seen()).containsExactly(3, 2);
                assertThat(t.firstSeen()).isEqualTo(changes.versions().getFirst().fetchedAt());
                assertThat(Duration.between(t.firstSeen(), t.lastSeen())).isBetween(Duration.ofHours(5), Duration.ofHours(7));
                assertThat(t.winner()).isEqualTo(A);
            });
            assertThat(changes.changes()).noneMatch(c -> c.stealth());
            // the feed names whichever variant is up, sometimes before the page shows it: a variant is no teaser
            assertThat(changes.events()).noneMatch(e -> e.kind() == EventKind.TEASER);

            // then the newsroom takes it down (410): an event, and the last version stays readable
            poll(tracker, clock, Duration.ofHours(6));
            Article gone = store.article(article.id()).orElseThrow();
            assertThat(gone.status()).isEqualTo(ArticleStatus.GONE);
            ArticleChanges after = new EditingHistory(store).article(gone, clock.instant());
            assertThat(after.unpublished()).isNotNull();
            assertThat(after.unpublished().kind()).isEqualTo(EventKind.GONE);
            assertThat(after.history("daily").versions().getLast().paragraphs()).isEqualTo(BODY);
        }
    }

    @Test
    void aRedirectToTheHomePageAndARemovalNoticeAreTakeDowns(@TempDir Path dir) throws IOException {
        VirtualClock clock = new VirtualClock(T0);
        AtomicReference<String> mode = new AtomicReference<>("article");
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/feed.xml")) {
                body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>The Daily</title><link>http://127.0.0.1/</link>"
                        + "<item><title>" + TEASER + "</title><link>" + base(exchange) + "/news/politics/budget</link></item>"
                        + "<item><title>" + A + "</title><link>" + base(exchange) + "/news/politics/vote</link></item>"
                        + "</channel></rss>";
            } else if (path.endsWith("/budget") && mode.get().equals("home")) {
                exchange.getResponseHeaders().add("Location", "/");
                exchange.sendResponseHeaders(301, -1);
                exchange.close();
                return;
            } else if (path.endsWith("/vote") && mode.get().equals("removed")) {
                body = "<html><head><title>Budget vote</title></head><body><main><p>This article has been removed.</p></main></body></html>";
            } else if (path.startsWith("/news/")) {
                body = "<html><head><title>" + A + "</title></head><body><article><h1>" + A + "</h1>"
                        + String.join("", BODY.stream().map(p -> "<p>" + p + "</p>").toList()) + "</article></body></html>";
            } else {
                body = "<html><head><title>The Daily</title></head><body><main><h1>The Daily</h1><p>Today's news.</p></main></body></html>";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock);
             Fetcher fetcher = new Fetcher(FetchConfig.defaults().withAllowPrivateNetwork(true), clock, clock.sleeper(),
                     store::reserveHostSlot, null)) {
            Tracker tracker = tracker(store, fetcher, clock);
            long daily = store.addSource("daily", List.of(base + "/feed.xml"), List.of(), ExtractRules.NONE).id();
            Article home = tracker.track(base + "/news/politics/budget", daily).article();
            Article notice = tracker.track(base + "/news/politics/vote", daily).article();
            assertThat(store.versions(home.id())).hasSize(1);
            assertThat(store.versions(notice.id())).hasSize(1);
            // the feed names the budget story under a teaser headline: kept once, as an event
            poll(tracker, clock, Duration.ofMinutes(30));
            assertThat(store.events(home.id())).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.TEASER);
                assertThat(e.detail()).isEqualTo(TEASER);
            });
            assertThat(store.events(notice.id())).isEmpty();

            mode.set("home");
            poll(tracker, clock, Duration.ofMinutes(30));
            assertThat(store.article(home.id()).orElseThrow().status()).as("still tracked, on the quiet schedule")
                    .isEqualTo(ArticleStatus.ACTIVE);
            assertThat(store.events(home.id())).filteredOn(e -> e.kind() != EventKind.TEASER).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.UNPUBLISHED);
                assertThat(e.detail()).isEqualTo("redirected to " + base + "/");
            });
            assertThat(store.versions(home.id())).hasSize(1);

            mode.set("removed");
            clock.advanceTo(clock.instant().plus(Duration.ofMinutes(20)));
            poll(tracker, clock, Duration.ofMinutes(30));
            assertThat(store.events(notice.id())).extracting(e -> e.kind(), e -> e.detail())
                    .contains(org.assertj.core.groups.Tuple.tuple(EventKind.UNPUBLISHED, "the page says: This article has been removed."));
            assertThat(store.versions(notice.id())).hasSize(1);
            assertThat(store.recentEvents(EditingHistory.UNPUBLISHED, null, 10)).hasSize(2);
        } finally {
            site.stop(0);
        }
    }
}
