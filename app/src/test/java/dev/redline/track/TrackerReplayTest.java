package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.WarcArchive;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SimRequest;
import dev.redline.sim.SimSource;
import dev.redline.sim.Story;
import dev.redline.sim.StoryVersion;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.ArticleStatus;
import dev.redline.store.EventKind;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.text.Normalize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the simulator's fictional day of news against the tracker on a shared virtual clock and
 * checks that every version the sites served was stored exactly once, with the right text, and
 * that no request broke robots.txt or the per-host limit.
 */
class TrackerReplayTest {
    private static final Duration HOST_DELAY = Duration.ofSeconds(2);

    @Test
    void replaysADayOfNews(@TempDir Path dir) {
        Instant t0 = Instant.parse("2026-03-01T06:00:00Z");
        VirtualClock clock = new VirtualClock(t0);
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock)) {
            var gazette = sim.site("harbour-gazette");
            var courier = sim.site("valley-courier");
            var ledger = sim.site("northern-ledger");
            store.addSource(gazette.name(), List.of(gazette.rssUrl()), List.of(), ExtractRules.NONE);
            store.addSource(courier.name(), List.of(courier.atomUrl()), List.of(courier.sitemapUrl()), ExtractRules.NONE);
            store.addSource(ledger.name(), List.of(ledger.jsonFeedUrl()), List.of(), ExtractRules.NONE);
            sim.misbehave(courier.name()).robotsDisallow(List.of("/news/school-closed"));
            sim.misbehave(gazette.name()).redirectLinks(true);

            FetchConfig fetchConfig = FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(HOST_DELAY);
            TrackerConfig config = TrackerConfig.defaults().withThreads(1).withFeedInterval(Duration.ofMinutes(10));
            config = new TrackerConfig(config.workerId(), 1, 8, config.lease(),
                    new Schedule(Duration.ofMinutes(15), 1.2, Duration.ofDays(40), Duration.ofHours(1)),
                    config.feedInterval(), config.idleWait());
            try (Fetcher fetcher = new Fetcher(fetchConfig, clock, clock.sleeper(), store::reserveHostSlot,
                    new WarcArchive(dir.resolve("warc"), clock))) {
                Tracker tracker = new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store),
                        clock, config);
                PollSummary total = new PollSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                for (Instant t = t0; t.isBefore(t0.plus(Duration.ofHours(24))); t = t.plus(Duration.ofMinutes(5))) {
                    clock.advanceTo(t);
                    if (t.equals(t0.plus(Duration.ofHours(5)))) {
                        sim.misbehave(ledger.name()).failNext(2);
                    }
                    total = total.plus(tracker.pollOnce(false));
                }
                assertThat(total.errors()).isGreaterThanOrEqualTo(1);
                assertThat(total.flipFlops()).isGreaterThanOrEqualTo(1);
                assertThat(total.disallowed()).isEqualTo(1);
            }

            List<SimRequest> requests = sim.requests();
            assertThat(requests).noneMatch(r -> r.path().equals("/news/school-closed"));
            assertPolite(requests);

            int expectedVersions = 0;
            for (SimSource source : sim.newsroom().sources()) {
                for (Story story : source.stories()) {
                    String url = sim.articleUrl(source.name(), story.slug());
                    List<StoryVersion> served = distinctServed(requests, source.name(), story);
                    if (story.slug().equals("school-closed")) {
                        assertThat(served).isEmpty();
                        Article blocked = store.articleByUrl(url).orElseThrow();
                        assertThat(blocked.status()).isEqualTo(ArticleStatus.SETTLED);
                        assertThat(store.events(blocked.id())).extracting(e -> e.kind()).containsExactly(EventKind.DISALLOWED);
                        continue;
                    }
                    assertThat(served).as("versions of %s served", url).isNotEmpty();
                    Article article = store.articleByUrl(url).orElseThrow(() -> new AssertionError("not tracked: " + url));
                    List<Version> stored = store.versions(article.id());
                    assertThat(stored).as("versions of %s", url).hasSameSizeAs(served);
                    for (int i = 0; i < served.size(); i++) {
                        StoryVersion want = served.get(i);
                        Version got = stored.get(i);
                        assertThat(got.number()).isEqualTo(i);
                        assertThat(got.text().title()).isEqualTo(want.title());
                        assertThat(got.text().paragraphs()).isEqualTo(want.paragraphs());
                        if (want.byline() != null) {
                            assertThat(got.text().byline()).contains(want.byline().replace("By ", "").split(" and ")[0]);
                        }
                        assertThat(got.captureRef()).matches(".+\\.warc\\.gz#\\d+");
                        assertThat(dir.resolve("warc").resolve(got.captureRef().split("#")[0])).exists();
                    }
                    expectedVersions += served.size();
                    if (story.unpublishAt() != null) {
                        assertThat(store.articleByUrl(url).orElseThrow().status()).isEqualTo(ArticleStatus.GONE);
                        assertThat(store.events(article.id())).extracting(e -> e.kind()).contains(EventKind.GONE);
                    }
                }
            }
            assertThat(store.versionCount()).isEqualTo(expectedVersions);
            Article mine = store.articleByUrl(sim.articleUrl("northern-ledger", "mine-inquiry")).orElseThrow();
            assertThat(store.events(mine.id())).extracting(e -> e.kind()).contains(EventKind.FLIP_FLOP);
            assertThat(store.articles(null, 0, 100)).filteredOn(a -> a.url().contains("/r/"))
                    .allSatisfy(alias -> assertThat(alias.status()).isEqualTo(ArticleStatus.GONE));
        }
    }

    /** The versions a story's page served with 200, in order, each text once (an A/B/A return is not new). */
    private static List<StoryVersion> distinctServed(List<SimRequest> requests, String source, Story story) {
        Map<String, StoryVersion> byKey = new LinkedHashMap<>();
        requests.stream().filter(r -> r.source().equals(source) && story.slug().equals(r.slug()) && r.version() >= 0)
                .sorted(Comparator.comparing(SimRequest::at).thenComparing(SimRequest::startNanos))
                .forEach(r -> {
                    StoryVersion v = story.versions().get(r.version());
                    byKey.putIfAbsent(Normalize.key(v.title()) + "|" + v.byline() + "|"
                            + v.paragraphs().stream().map(Normalize::key).toList(), v);
                });
        return new ArrayList<>(byKey.values());
    }

    /** Per site: requests never overlap in wall time and are at least the host delay apart in virtual time. */
    private static void assertPolite(List<SimRequest> requests) {
        Map<String, List<SimRequest>> bySource = new LinkedHashMap<>();
        requests.forEach(r -> bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r));
        bySource.forEach((source, list) -> {
            list.sort(Comparator.comparingLong(SimRequest::startNanos));
            for (int i = 1; i < list.size(); i++) {
                SimRequest prev = list.get(i - 1);
                SimRequest next = list.get(i);
                assertThat(prev.endNanos()).as("%s: %s overlaps %s", source, prev.path(), next.path())
                        .isLessThanOrEqualTo(next.startNanos());
                assertThat(Duration.between(prev.at(), next.at())).as("%s: gap before %s", source, next.path())
                        .isGreaterThanOrEqualTo(HOST_DELAY);
            }
        });
    }
}
