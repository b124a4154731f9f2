package dev.redline.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redline.feed.Feed;
import dev.redline.feed.FeedEntry;
import dev.redline.feed.FeedReader;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.FetchResult;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.InMemoryHostSlots;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewsroomSimulatorTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T06:00:00Z"));
    private final NewsroomSimulator sim = NewsroomSimulator.start(clock);
    private final Fetcher fetcher = new Fetcher(FetchConfig.defaults().withHostDelay(Duration.ZERO)
            .withAllowPrivateNetwork(true), clock, clock.sleeper(), new InMemoryHostSlots(), null);
    private final FeedReader reader = new FeedReader();

    @AfterEach
    void stop() {
        fetcher.close();
        sim.close();
    }

    private Feed feed(String url) throws Exception {
        FetchResult r = fetcher.fetch(URI.create(url));
        return reader.read(r.body(), r.contentType(), url);
    }

    @Test
    void feedsListOnlyPublishedStoriesInEveryFormat() throws Exception {
        var gazette = sim.site("harbour-gazette");
        assertThat(feed(gazette.rssUrl()).entries()).extracting(FeedEntry::url)
                .containsExactly(gazette.baseUrl() + "/news/ferry-strike?utm_source=feed&utm_medium=rss");
        clock.advance(Duration.ofHours(3));
        assertThat(feed(gazette.atomUrl()).entries()).extracting(FeedEntry::url).containsExactly(
                gazette.baseUrl() + "/news/fish-festival", gazette.baseUrl() + "/news/lighthouse-vote",
                gazette.baseUrl() + "/news/ferry-strike");
        assertThat(feed(gazette.jsonFeedUrl()).entries()).hasSize(3);
        Feed index = feed(gazette.sitemapUrl());
        assertThat(index.sitemaps()).containsExactly(gazette.baseUrl() + "/news-sitemap.xml");
        Feed news = feed(index.sitemaps().getFirst());
        assertThat(news.format()).isEqualTo("news-sitemap");
        assertThat(news.entries()).extracting(FeedEntry::title)
                .contains("Fish festival postponed, not cancelled", "Council to vote on lighthouse sale");
    }

    @Test
    void articlesSwitchVersionsWithTheClockAndAnswerConditionalGets() throws Exception {
        URI url = URI.create(sim.articleUrl("harbour-gazette", "ferry-strike"));
        FetchResult v0 = fetcher.fetch(url);
        assertThat(v0.text()).contains("<h1>Ferry crews strike in Port Wendell</h1>").contains("By Ines Alcott");
        assertThat(fetcher.fetch(url, v0.validators()).notModified()).isTrue();
        clock.advance(Duration.ofHours(2));
        FetchResult v1 = fetcher.fetch(url, v0.validators());
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.text()).contains("Ferry strike strands 600 commuters").contains("Mara Quint");
        assertThat(sim.requests()).filteredOn(r -> "ferry-strike".equals(r.slug()))
                .extracting(SimRequest::status, SimRequest::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(200, 0), org.assertj.core.groups.Tuple.tuple(304, -1),
                        org.assertj.core.groups.Tuple.tuple(200, 1));
    }

    @Test
    void unpublishedAndUnknownArticlesAnswer404Or410() throws Exception {
        URI mayor = URI.create(sim.articleUrl("northern-ledger", "mayor-resigns"));
        assertThat(fetcher.fetch(mayor).status()).isEqualTo(404);
        clock.advance(Duration.ofHours(5));
        assertThat(fetcher.fetch(mayor).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(6));
        assertThat(fetcher.fetch(mayor).status()).isEqualTo(410);
        assertThat(fetcher.fetch(URI.create(sim.articleUrl("northern-ledger", "no-such-story"))).status()).isEqualTo(404);
    }

    @Test
    void misbehavesOnRequest() throws Exception {
        var courier = sim.site("valley-courier");
        clock.advance(Duration.ofHours(1));
        sim.misbehave("valley-courier").failNext(1).redirectLinks(true)
                .robotsDisallow(List.of("/news/orchard-fire"));
        assertThat(fetcher.fetch(URI.create(courier.rssUrl())).status()).isEqualTo(500);
        Feed feed = feed(courier.rssUrl());
        String link = feed.entries().getFirst().url();
        assertThat(link).contains("/r/orchard-fire");
        assertThatThrownBy(() -> fetcher.fetch(URI.create(link)))
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.ROBOTS_DISALLOWED);
        assertThat(sim.requests()).noneMatch(r -> r.path().equals("/news/orchard-fire"));
        assertThat(sim.requests()).allMatch(r -> r.userAgent().startsWith("Redline/"));
    }

    @Test
    void generatedNewsroomsAreDeterministic() {
        Newsroom a = Newsroom.generated(2, 5, 3, Duration.ofHours(24), 42);
        Newsroom b = Newsroom.generated(2, 5, 3, Duration.ofHours(24), 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.sources()).hasSize(2);
        assertThat(a.sources().getFirst().stories()).hasSize(5).allSatisfy(s -> assertThat(s.versions()).hasSize(3));
    }
}
