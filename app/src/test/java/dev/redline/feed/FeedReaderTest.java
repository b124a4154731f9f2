package dev.redline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private final FeedReader reader = new FeedReader();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsRss2WithRelativeLinksAndGuids() throws Exception {
        Feed feed = reader.read(fixture("rss2.xml"), "application/rss+xml", "https://gazette.example/rss");
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.entries()).containsExactly(
                new FeedEntry("https://gazette.example/news/ferry-strike?utm_source=rss&utm_medium=feed", "gazette-1041",
                        "Ferry strike enters third day", Instant.parse("2026-03-01T07:15:00Z")),
                new FeedEntry("https://gazette.example/news/lighthouse-vote", "https://gazette.example/news/lighthouse-vote",
                        "Council votes on lighthouse", Instant.parse("2026-03-01T06:00:00Z")));
    }

    @Test
    void readsRss091InItsDeclaredEncoding() throws Exception {
        Feed feed = reader.read(fixture("rss091.xml"), null, "http://mill.example/rss");
        assertThat(feed.format()).isEqualTo("rss_0.91U");
        assertThat(feed.entries()).singleElement().satisfies(e -> {
            assertThat(e.url()).isEqualTo("http://mill.example/stories/cafe.html");
            assertThat(e.title()).isEqualTo("Café reopens after flood");
        });
    }

    @Test
    void readsRss1() throws Exception {
        Feed feed = reader.read(fixture("rss1.xml"), "application/rdf+xml", "https://valley.example/rss");
        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.entries()).extracting(FeedEntry::url).containsExactly("https://valley.example/a/orchard-fire");
        assertThat(feed.entries().getFirst().published()).isEqualTo(Instant.parse("2026-03-01T05:30:00Z"));
    }

    @Test
    void readsAtomUsingUpdatedWhenNotPublished() throws Exception {
        Feed feed = reader.read(fixture("atom.xml"), "application/atom+xml", "https://ledger.example/atom");
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.entries()).extracting(FeedEntry::url).containsExactly(
                "https://ledger.example/2026/03/mine-inquiry#comments", "https://ledger.example/2026/03/snowfall");
        assertThat(feed.entries()).extracting(FeedEntry::guid).containsExactly(
                "tag:ledger.example,2026:story-88", "tag:ledger.example,2026:story-89");
        assertThat(feed.entries().get(1).published()).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
    }

    @Test
    void readsJsonFeedAndSkipsItemsWithoutLinks() throws Exception {
        Feed feed = reader.read(fixture("feed.json"), "application/feed+json", "https://riverside.example/feed.json");
        assertThat(feed.format()).isEqualTo("json-feed");
        assertThat(feed.entries()).containsExactly(
                new FeedEntry("https://riverside.example/news/bridge-closed?fbclid=abc123", "rd-7",
                        "Bridge closed for repairs", Instant.parse("2026-03-01T05:30:00Z")),
                new FeedEntry("https://riverside.example/news/market-day", "rd-8", "Market day returns", null));
    }

    @Test
    void readsGoogleNewsSitemaps() throws Exception {
        Feed feed = reader.read(fixture("news-sitemap.xml"), "application/xml", "https://tribune.example/news-sitemap.xml");
        assertThat(feed.format()).isEqualTo("news-sitemap");
        assertThat(feed.entries()).containsExactly(
                new FeedEntry("https://tribune.example/politics/budget-vote", null, "Budget vote delayed again",
                        Instant.parse("2026-03-01T08:00:00Z")),
                new FeedEntry("https://tribune.example/sport/derby-result", null, null,
                        Instant.parse("2026-03-01T07:10:00Z")));
    }

    @Test
    void readsSitemapIndexes() throws Exception {
        Feed feed = reader.read(fixture("sitemap-index.xml"), "text/xml", "https://tribune.example/sitemap.xml");
        assertThat(feed.format()).isEqualTo("sitemap-index");
        assertThat(feed.entries()).isEmpty();
        assertThat(feed.sitemaps()).containsExactlyInAnyOrder("https://tribune.example/sitemaps/news-1.xml",
                "https://tribune.example/sitemaps/news-2.xml");
    }

    @Test
    void brokenFeedsGiveClearErrors() throws Exception {
        assertThatThrownBy(() -> reader.read(fixture("broken.xml"), "text/xml", "https://bad.example/rss"))
                .isInstanceOf(FeedException.class).hasMessageStartingWith("cannot read feed https://bad.example/rss");
        assertThatThrownBy(() -> reader.read(fixture("not-a-feed.json"), "application/json", "https://bad.example/f.json"))
                .isInstanceOf(FeedException.class).hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> reader.read(new byte[0], null, "https://bad.example/empty"))
                .isInstanceOf(FeedException.class).hasMessageContaining("is empty");
        byte[] html = "<!doctype html><html><body><p>Not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(html, "text/html", "https://bad.example/page"))
                .isInstanceOf(FeedException.class).hasMessageStartingWith("cannot read feed https://bad.example/page");
        byte[] garbage = {(byte) 0xff, 0x00, 0x13, 0x37, '{', '<'};
        assertThatThrownBy(() -> reader.read(garbage, null, "https://bad.example/bin"))
                .isInstanceOf(FeedException.class);
    }
}
