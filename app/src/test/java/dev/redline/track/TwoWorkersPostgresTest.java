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
import dev.redline.sim.SimSource;
import dev.redline.sim.Story;
import dev.redline.sim.StoryVersion;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.TestDatabases;
import dev.redline.store.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Two trackers (separate worker ids, fetchers and store connections, two threads each) share one
 * real PostgreSQL store and poll the simulator at the same time: no article may be checked twice
 * in one round, and no served version may be missed or stored twice.
 */
class TwoWorkersPostgresTest {

    @Test
    void twoWorkersShareTheWorkWithoutDoublesOrGaps() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T05:00:00Z");
        VirtualClock clock = new VirtualClock(t0);
        Newsroom newsroom = Newsroom.generated(3, 20, 3, Duration.ofHours(10), 7);
        String url = TestDatabases.freshPostgresUrl();
        Schedule schedule = new Schedule(Duration.ofMinutes(15), 1.2, Duration.ofDays(40), Duration.ofHours(1));
        FetchConfig fetchConfig = FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ZERO);
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, t0);
             Store storeA = Store.open(url, clock);
             Store storeB = Store.open(url, clock);
             Fetcher fetcherA = new Fetcher(fetchConfig, clock, clock.sleeper(), storeA::reserveHostSlot, null);
             Fetcher fetcherB = new Fetcher(fetchConfig, clock, clock.sleeper(), storeB::reserveHostSlot, null);
             ExecutorService workers = Executors.newFixedThreadPool(2)) {
            for (var site : sim.sites()) {
                storeA.addSource(site.name(), List.of(site.rssUrl()), List.of(site.sitemapUrl()), ExtractRules.NONE);
            }
            Tracker a = new Tracker(storeA, fetcherA, new Discovery(storeA, clock), new VersionRecorder(storeA), clock,
                    config("worker-a", schedule));
            Tracker b = new Tracker(storeB, fetcherB, new Discovery(storeB, clock), new VersionRecorder(storeB), clock,
                    config("worker-b", schedule));
            long checksA = 0;
            long checksB = 0;
            for (Instant t = t0; t.isBefore(t0.plus(Duration.ofHours(14))); t = t.plus(Duration.ofMinutes(10))) {
                clock.advanceTo(t);
                // own threads, not the common pool: a blocked common-pool worker starves HttpClient's async stages
                var roundA = CompletableFuture.supplyAsync(() -> a.pollOnce(false), workers);
                var roundB = CompletableFuture.supplyAsync(() -> b.pollOnce(false), workers);
                checksA += roundA.get().checks();
                checksB += roundB.get().checks();

            }
            assertThat(checksA).isPositive();
            assertThat(checksB).isPositive();

            List<SimRequest> requests = sim.requests();
            int expected = 0;
            for (SimSource source : newsroom.sources()) {
                for (Story story : source.stories()) {
                    List<SimRequest> pageRequests = requests.stream()
                            .filter(r -> r.source().equals(source.name()) && story.slug().equals(r.slug()))
                            .sorted(Comparator.comparing(SimRequest::at)).toList();
                    for (int i = 1; i < pageRequests.size(); i++) {
                        assertThat(Duration.between(pageRequests.get(i - 1).at(), pageRequests.get(i).at()))
                                .as("%s fetched twice in one round", story.slug())
                                .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
                    }
                    List<StoryVersion> served = new ArrayList<>(pageRequests.stream().filter(r -> r.version() >= 0)
                            .map(r -> story.versions().get(r.version()))
                            .collect(LinkedHashMap<StoryVersion, Boolean>::new, (m, v) -> m.put(v, true), Map::putAll)
                            .keySet());
                    assertThat(served).as("%s never fetched", story.slug()).isNotEmpty();
                    Article article = storeA.articleByUrl(sim.articleUrl(source.name(), story.slug())).orElseThrow();
                    List<Version> stored = storeA.versions(article.id());
                    assertThat(stored).extracting(v -> v.text().title())
                            .containsExactlyElementsOf(served.stream().map(StoryVersion::title).toList());
                    assertThat(stored).extracting(v -> v.text().paragraphs())
                            .containsExactlyElementsOf(served.stream().map(StoryVersion::paragraphs).toList());
                    expected += served.size();
                }
            }
            assertThat(storeA.versionCount()).isEqualTo(expected);
            assertThat(storeA.articleCount()).isEqualTo(newsroom.sources().stream().mapToInt(s -> s.stories().size()).sum());
        }
    }

    private static TrackerConfig config(String workerId, Schedule schedule) {
        TrackerConfig d = TrackerConfig.defaults();
        return new TrackerConfig(workerId, 2, 4, d.lease(), schedule, Duration.ofMinutes(10), d.idleWait());
    }
}
