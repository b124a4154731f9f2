package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.redline.extract.ExtractRules;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Atom and RSS feeds that carry the diff, read back by Rome and checked against the formats' required elements. */
class FeedsTest {
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.seeded(dir, WebServer.Options.defaults());
    }

    @AfterEach
    void close() {
        web.close();
    }

    private String feedPath(String stem, String ext) {
        return stem + "." + ext;
    }

    private List<String> stems() {
        return List.of("/feeds/changes", "/sources/harbour-gazette/changes", "/articles/" + web.bridge.id() + "/changes");
    }

    @Test
    void everyAtomFeedIsValidAtomAndCarriesTheDiff() throws Exception {
        for (String stem : stems()) {
            HttpResponse<String> r = web.get(feedPath(stem, "atom"));
            assertThat(r.statusCode()).isEqualTo(200);
            Document doc = xml(r.body());
            Element feed = doc.getDocumentElement();
            assertThat(feed.getNamespaceURI()).isEqualTo(ATOM_NS);
            assertThat(feed.getLocalName()).isEqualTo("feed");
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(feed, required)).as(stem + " feed/" + required).hasSize(1);
            }
            assertThat(links(feed)).contains("alternate application/rss+xml " + web.base() + stem + ".rss",
                    "self application/atom+xml " + web.base() + stem + ".atom");
            Set<String> ids = new HashSet<>();
            NodeList entries = feed.getElementsByTagNameNS(ATOM_NS, "entry");
            assertThat(entries.getLength()).isPositive();
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                for (String required : List.of("id", "title", "updated")) {
                    assertThat(children(entry, required)).as(stem + " entry/" + required).hasSize(1);
                }
                assertThat(ids.add(children(entry, "id").getFirst().getTextContent())).as("unique id").isTrue();
                assertThat(children(entry, "content")).hasSize(1);
                assertThat(children(entry, "content").getFirst().getAttribute("type")).isEqualTo("html");
            }
            SyndFeed parsed = new SyndFeedInput().build(new StringReader(r.body()));
            assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        }
        String raw = web.get("/articles/" + web.bridge.id() + "/changes.atom").body();
        assertThat(raw).contains("&lt;ins style=").doesNotContain("<ins");
        SyndFeed bridge = new SyndFeedInput().build(new StringReader(raw));
        SyndEntry v1 = bridge.getEntries().getLast();
        assertThat(v1.getUri()).isEqualTo("urn:redline:article:" + web.bridge.id() + ":version:1");
        assertThat(v1.getTitle()).isEqualTo("Council to vote on harbour bridge → Council approves harbour bridge");
        assertThat(v1.getLink()).isEqualTo(web.base() + "/articles/" + web.bridge.id() + "/diff/0/1");
        String html = v1.getContents().getFirst().getValue();
        assertThat(html).contains("<del style=\"background:#fbe9e9").contains(">will vote</del>")
                .contains("<ins style=\"background:#e6f4ea").contains(">voted</ins>")
                .contains("href=\"" + web.base() + "/articles/" + web.bridge.id() + "/versions/1\"")
                .doesNotContain("class=");
        SyndEntry v2 = bridge.getEntries().getFirst();
        assertThat(v2.getTitle()).isEqualTo("Council approves harbour bridge");
        assertThat(v2.getContents().getFirst().getValue()).contains("Construction could start next spring.")
                .contains("moved here from sentence");
        // the id is stable: the same version has the same id in a later fetch and in every feed
        SyndFeed global = new SyndFeedInput().build(new StringReader(web.get("/feeds/changes.atom").body()));
        assertThat(global.getEntries()).extracting(SyndEntry::getUri).contains(v1.getUri(), v2.getUri());
    }

    @Test
    void everyRssFeedIsValidRssWithTheDiffAndLinksItsAtomTwin() throws Exception {
        for (String stem : stems()) {
            HttpResponse<String> r = web.get(feedPath(stem, "rss"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/rss+xml");
            Element rss = xml(r.body()).getDocumentElement();
            assertThat(rss.getTagName()).isEqualTo("rss");
            assertThat(rss.getAttribute("version")).isEqualTo("2.0");
            Element channel = children(rss, "channel").getFirst();
            for (String required : List.of("title", "link", "description")) {
                assertThat(children(channel, required)).as(stem + " channel/" + required)
                        .filteredOn(e -> e.getNamespaceURI() == null).hasSize(1);
            }
            assertThat(links(channel)).contains("alternate application/atom+xml " + web.base() + stem + ".atom");
            for (Element item : children(channel, "item")) {
                assertThat(children(item, "title")).hasSize(1);
                assertThat(children(item, "guid")).hasSize(1);
                assertThat(children(item, "description")).hasSize(1);
            }
            SyndFeed parsed = new SyndFeedInput().build(new StringReader(r.body()));
            assertThat(parsed.getFeedType()).isEqualTo("rss_2.0");
            assertThat(parsed.getEntries()).isNotEmpty();
            assertThat(parsed.getEntries()).allSatisfy(e -> assertThat(e.getDescription().getValue()).contains("See the whole diff"));
        }
        SyndFeed bridge = new SyndFeedInput().build(new StringReader(web.get("/articles/" + web.bridge.id() + "/changes.rss").body()));
        assertThat(bridge.getEntries().getLast().getDescription().getValue()).contains(">voted</ins>");
        assertThat(web.get("/").body()).contains("type=\"application/rss+xml\" title=\"Redline: latest changes (RSS)\" href=\"/feeds/changes.rss\"");
    }

    @Test
    void hostileTextStaysTextInsideTheEntryHtml() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(web.get("/articles/" + web.hostile.id() + "/changes.atom").body()));
        String html = feed.getEntries().getFirst().getContents().getFirst().getValue();
        assertThat(html).doesNotContain("<img").doesNotContain("<script").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void cosmeticChangesFollowTheSameFilterAsTheHomePage() throws Exception {
        String stem = "/articles/" + web.library.id() + "/changes.atom";
        assertThat(new SyndFeedInput().build(new StringReader(web.get(stem).body())).getEntries()).isEmpty();
        assertThat(new SyndFeedInput().build(new StringReader(web.get(stem + "?boring=1").body())).getEntries()).hasSize(1);
    }

    @Test
    void unpublishingAndRevertsGetEntriesOfTheirOwn() throws Exception {
        long id = web.bridge.id();
        web.store.recordEvent(new ArticleEvent(id, WebFixture.T0.plusSeconds(10 * 3600), EventKind.FLIP_FLOP, "back to version 1"));
        web.store.recordEvent(new ArticleEvent(id, WebFixture.T0.plusSeconds(11 * 3600), EventKind.GONE, "HTTP 410"));
        for (String ext : List.of("atom", "rss")) {
            SyndFeed feed = new SyndFeedInput().build(new StringReader(web.get("/feeds/changes." + ext).body()));
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).startsWith(
                    "Unpublished: Council approves harbour bridge", "Reverted: Council approves harbour bridge");
            assertThat(feed.getEntries().getFirst().getLink()).isEqualTo(web.base() + "/articles/" + id + "/versions/2");
        }
        SyndFeed atom = new SyndFeedInput().build(new StringReader(web.get("/articles/" + id + "/changes.atom").body()));
        assertThat(atom.getEntries().getFirst().getUri()).isEqualTo("urn:redline:article:" + id + ":event:gone:"
                + WebFixture.T0.plusSeconds(11 * 3600).toEpochMilli());
        assertThat(atom.getEntries().getFirst().getDescription().getValue()).contains("removed from the site (HTTP 410)");
        assertThat(updated(web.get("/articles/" + id + "/changes.atom").body())).isEqualTo("2026-11-20T19:00:00Z");
    }

    @Test
    void anEmptyFeedIsUpdatedWhenItsSourceBeganOrNow() throws Exception {
        web.store.addSource("quiet-herald", List.of("http://127.0.0.1:9/q.xml"), List.of(), ExtractRules.NONE);
        String quiet = web.get("/sources/quiet-herald/changes.atom").body();
        assertThat(new SyndFeedInput().build(new StringReader(quiet)).getEntries()).isEmpty();
        assertThat(updated(quiet)).isNotEqualTo("1970-01-01T00:00:00Z")
                .isEqualTo(web.store.source("quiet-herald").orElseThrow().createdAt().toString().replaceAll("\\.\\d+Z$", "Z"));
        try (WebFixture empty = WebFixture.empty(dir.resolve("empty"))) {
            assertThat(updated(empty.get("/feeds/changes.atom").body())).isEqualTo("2026-11-20T20:00:00Z");
        }
    }

    private static String updated(String atom) throws Exception {
        return children(xml(atom).getDocumentElement(), "updated").getFirst().getTextContent();
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new java.util.ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** "rel type href" of every link element (Atom's, or atom:link inside RSS). */
    private static List<String> links(Element parent) {
        return children(parent, "link").stream().filter(e -> ATOM_NS.equals(e.getNamespaceURI()))
                .map(e -> e.getAttribute("rel") + " " + e.getAttribute("type") + " " + e.getAttribute("href")).toList();
    }
}
