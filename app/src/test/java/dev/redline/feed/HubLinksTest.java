package dev.redline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebSub discovery (§4) from Link headers, Atom, RSS and JSON Feed documents. */
class HubLinksTest {
    private static final String FEED = "https://news.example/feeds/main.xml";

    private static Feed read(String doc, String type) throws FeedException {
        return new FeedReader().read(doc.getBytes(StandardCharsets.UTF_8), type, FEED);
    }

    @Test
    void linkHeadersNameHubsAndSelfInAnyOrderAndCase() {
        HubLinks links = HubLinks.fromHeaders(List.of(
                "</hub>; rel=\"hub\", <https://news.example/topic>; REL=self; type=\"application/atom+xml\"",
                "<https://hub2.example/>; rel=\"hub other\", <mailto:x@news.example>; rel=hub, <https://x.example/>; title=\"no rel\""),
                FEED);
        assertThat(links.hubs()).containsExactly("https://news.example/hub", "https://hub2.example/");
        assertThat(links.self()).isEqualTo("https://news.example/topic");
        assertThat(HubLinks.fromHeaders(List.of("<https://x.example/>; rel=alternate"), FEED).offersPush()).isFalse();
    }

    @Test
    void headersWinOverTheDocumentAndTheDocumentFillsAMissingSelf() {
        HubLinks doc = new HubLinks(List.of("https://doc-hub.example/"), "https://news.example/doc-self");
        assertThat(HubLinks.fromHeaders(List.of("<https://header-hub.example/>; rel=hub"), FEED).or(doc))
                .isEqualTo(new HubLinks(List.of("https://header-hub.example/"), "https://news.example/doc-self"));
        assertThat(HubLinks.NONE.or(doc)).isEqualTo(doc);
    }

    @Test
    void atomRssAndJsonFeedDocumentsNameTheirHub() throws FeedException {
        Feed atom = read("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:x</id><updated>2026-11-20T08:00:00Z</updated>"
                + "<link rel=\"alternate\" href=\"/\"/><link rel=\"hub\" href=\"https://hub.example/\"/><link rel=\"self\" href=\"/topic.atom\"/>"
                + "</feed>", "application/atom+xml");
        assertThat(atom.hubLinks()).isEqualTo(new HubLinks(List.of("https://hub.example/"), "https://news.example/topic.atom"));

        Feed rss = read("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>t</title><link>https://news.example/</link>"
                + "<description>d</description><atom:link rel=\"hub\" href=\"https://hub.example/rss\"/>"
                + "<atom:link rel=\"self\" href=\"https://news.example/rss.xml\" type=\"application/rss+xml\"/>"
                + "<item><title>a</title><link>https://news.example/a</link></item></channel></rss>", "application/rss+xml");
        assertThat(rss.hubLinks()).isEqualTo(new HubLinks(List.of("https://hub.example/rss"), "https://news.example/rss.xml"));
        assertThat(rss.entries()).hasSize(1);

        Feed json = read("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"feed_url\":\"https://news.example/feed.json\","
                + "\"hubs\":[{\"type\":\"rssCloud\",\"url\":\"https://cloud.example/\"},{\"type\":\"WebSub\",\"url\":\"https://hub.example/json\"}],"
                + "\"items\":[]}", "application/feed+json");
        assertThat(json.hubLinks()).isEqualTo(new HubLinks(List.of("https://hub.example/json"), "https://news.example/feed.json"));

        assertThat(read("<rss version=\"2.0\"><channel><title>t</title><link>https://news.example/</link><description>d</description>"
                + "</channel></rss>", null).hubLinks().offersPush()).isFalse();
    }
}
