package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.json.Json;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Route tests: a real server on an ephemeral loopback port over a real SQLite store. */
class WebServerTest {
    @TempDir
    Path dir;

    WebFixture web;

    @AfterEach
    void close() {
        if (web != null) {
            web.close();
        }
    }

    private WebFixture seeded() {
        web = WebFixture.seeded(dir, WebServer.Options.defaults());
        return web;
    }

    @Test
    void emptyStoreHomeSaysHowToAddASource() {
        web = WebFixture.empty(dir);
        HttpResponse<String> home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t.toLowerCase()).contains("text/html").contains("charset=utf-8"));
        assertThat(home.body()).contains("Currently monitoring 0 articles with 0 versions")
                .contains("redline source add").contains("redline demo");
    }

    @Test
    void homeListsLatestChangesNewestFirstAndHidesBoringOnesUntilAsked() {
        seeded();
        String home = web.get("/").body();
        assertThat(home).contains("Currently monitoring 3 articles with 7 versions");
        int newest = home.indexOf("/articles/" + web.bridge.id() + "/diff/1/2");
        int older = home.indexOf("/articles/" + web.bridge.id() + "/diff/0/1");
        assertThat(newest).isPositive();
        assertThat(older).isGreaterThan(newest);
        assertThat(home).contains("harbour-gazette").doesNotContain("/articles/" + web.library.id() + "/diff/0/1")
                .contains("href=\"/?boring=1\"");
        String all = web.get("/?boring=1").body();
        assertThat(all).contains("/articles/" + web.library.id() + "/diff/0/1").contains("cosmetic");
    }

    @Test
    void articlePageShowsVersionTableStatusAndChangeCount() {
        seeded();
        HttpResponse<String> page = web.get("/articles/" + web.bridge.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("The article has changed 2 times")
                .contains("about 3 hours later").contains("about 6 hours later")
                .contains("Council to vote on harbour bridge").contains("Council approves harbour bridge")
                .contains("headline, body")
                .contains("href=\"/articles/" + web.bridge.id() + "/diff/0/1\"")
                .contains("href=\"https://gazette.example/news/bridge-vote\"")
                .contains("Next check due now (scheduled for 2026-11-20 08:00 UTC)")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("/articles/" + web.bridge.id() + "/changes.atom");
    }

    @Test
    void diffPageShowsWordLevelEditsHeadlineGapAndNavigation() {
        seeded();
        long id = web.bridge.id();
        String side = web.get("/articles/" + id + "/diff/0/1").body();
        assertThat(side).contains("class=\"side-by-side\"").contains("<ins>").contains("<del>")
                .contains("about 3 hours later")
                .contains("href=\"/articles/" + id + "/diff/1/2\" rel=\"next\"")
                .contains("href=\"/articles/" + id + "/diff/0/1?view=inline\"");
        assertThat(side).doesNotContain("rel=\"prev\"");
        assertThat(side).as("paragraph breaks of the article are shown").contains("<tr class=\"para\">");
        String inline = web.get("/articles/" + id + "/diff/1/2?view=inline").body();
        assertThat(inline).contains(" para\" id=\"n0\"");
        assertThat(inline).contains("class=\"inline-diff\"").doesNotContain("class=\"side-by-side\"")
                .contains("href=\"/articles/" + id + "/diff/0/1?view=inline\" rel=\"prev\"")
                .contains("Construction could start next spring.");
    }

    @Test
    void movedSentencesSayWhereTheyWent() {
        seeded();
        String page = web.get("/articles/" + web.bridge.id() + "/diff/1/2").body();
        assertThat(page).contains("moved to sentence").contains("moved here from sentence");

        // redline diff --format html renders the same rows, moves included, through the same templates.
        List<Version> versions = web.store.versions(web.bridge.id());
        String document = DiffDocument.render(Diff.compare(versions.get(1).text(), versions.get(2).text(),
                versions.get(1).fetchedAt(), versions.get(2).fetchedAt()), "Version 1", "Version 2");
        assertThat(org.jsoup.Jsoup.parse(document).select("table.side-by-side").outerHtml())
                .isEqualTo(org.jsoup.Jsoup.parse(page).select("table.side-by-side").outerHtml())
                .contains("moved here from sentence");
    }

    @Test
    void theStandaloneDiffEscapesHostileTextAndLoadsNothing() {
        seeded();
        List<Version> versions = web.store.versions(web.hostile.id());
        String document = DiffDocument.render(Diff.compare(versions.get(0).text(), versions.get(1).text()),
                "old <b>name</b>", "new.txt");
        assertThat(document).doesNotContain("<script").doesNotContain("<img").doesNotContain("<link")
                .doesNotContain("<b>").contains("&lt;script&gt;").contains("&lt;img src=x");
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(document);
        assertThat(doc.select("script, img, link, iframe, [src], [href^=http]")).isEmpty();
        assertThat(doc.select("th").text()).isEqualTo("old <b>name</b> new.txt");
        assertThat(doc.select("td.new").text()).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void comparingAnyTwoVersionsRedirectsToTheirDiff() {
        seeded();
        HttpResponse<String> r = web.get("/articles/" + web.bridge.id() + "/compare?from=2&to=0");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/articles/" + web.bridge.id() + "/diff/0/2");
    }

    @Test
    void hostileMarkupIsShownAsTextEverywhere() {
        seeded();
        long id = web.hostile.id();
        for (String path : List.of("/", "/articles/" + id, "/articles/" + id + "/diff/0/1",
                "/articles/" + id + "/diff/0/1?view=inline")) {
            String body = web.get(path).body();
            assertThat(body).as(path).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>resigns")
                    .contains("&lt;script&gt;");
        }
        assertThat(web.get("/articles/" + id + "/diff/0/1").body()).contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        seeded();
        for (String path : List.of("/", "/articles/" + web.bridge.id(), "/static/redline.css", "/api/sources",
                "/no-such-page", "/feeds/changes.atom")) {
            HttpResponse<String> r = web.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue(WebServer.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(WebServer.CSP).contains("default-src 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void badRequestsGetClearFourHundredsNeverAStackTrace() {
        seeded();
        long id = web.bridge.id();
        assertError(web.get("/articles/999999"), 404, "There is no article 999999");
        assertError(web.get("/articles/abc"), 400, "must be a number");
        assertError(web.get("/articles/" + id + "/diff/0/99999"), 404, "has no version 99999");
        assertError(web.get("/articles/" + id + "/diff/0/99999999999999"), 404, "no version");
        assertError(web.get("/articles/" + id + "/diff/1/1"), 400, "two different versions");
        assertError(web.get("/articles/" + id + "/diff/0/1?view=sideways"), 400, "view must be");
        assertError(web.get("/?page=-4"), 400, "page must be between");
        assertError(web.get("/search?q=bridge&from=yesterday"), 400, "from must be a date");
        assertError(web.get("/search?q=bridge&source=nope"), 400, "no source named");
        assertError(web.get("/no/such/page"), 404, "no page at this address");
        HttpResponse<String> api = web.get("/api/articles/" + id + "/versions/99999");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/json");
        assertThat(Json.MAPPER.readTree(api.body()).path("error").asString()).contains("no version 99999");
        assertThat(web.get("/api/articles/x").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/search").statusCode()).isEqualTo(400);
    }

    private static void assertError(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(r.body()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void atomFeedsLinkEachEntryToItsDiff() throws Exception {
        seeded();
        for (String path : List.of("/feeds/changes.atom", "/sources/harbour-gazette/changes.atom",
                "/articles/" + web.bridge.id() + "/changes.atom")) {
            HttpResponse<String> r = web.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/atom+xml");
            SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getEntries()).as(path).isNotEmpty();
            for (SyndEntry e : feed.getEntries()) {
                assertThat(e.getLink()).startsWith(web.base() + "/articles/").contains("/diff/");
                assertThat(web.get(URI.create(e.getLink()).getPath()).statusCode()).isEqualTo(200);
            }
        }
        SyndFeed bridge = new SyndFeedInput().build(new StringReader(
                web.get("/articles/" + web.bridge.id() + "/changes.atom").body()));
        assertThat(bridge.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                web.base() + "/articles/" + web.bridge.id() + "/diff/1/2",
                web.base() + "/articles/" + web.bridge.id() + "/diff/0/1");
        assertThat(web.get("/sources/nope/changes.atom").statusCode()).isEqualTo(404);
        assertThat(web.get("/").body()).contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Redline: latest changes\" href=\"/feeds/changes.atom\">");
        // the verdict shows by its wire name, which the style sheet keys on
        assertThat(web.get("/sources").body()).contains("href=\"/sources/harbour-gazette/changes.atom\"")
                .contains("<span class=\"verdict ok\">ok</span>");
    }

    @Test
    void aHeadlineWithControlCharactersCannotBreakTheFeeds() throws Exception {
        seeded();
        web.append(web.bridge, WebFixture.T0.plusSeconds(30_000), new ArticleText("Bridge\u001b]0;owned\u0007 reopens\u0000",
                null, List.of("Traffic\u0000 flows again.")), Set.of(VersionField.TITLE, VersionField.BODY), false);
        for (String path : List.of("/feeds/changes.atom", "/articles/" + web.bridge.id() + "/changes.atom")) {
            HttpResponse<String> r = web.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).anyMatch(t -> t.contains("Bridge]0;owned reopens"));
        }
    }

    @Test
    void apiDiffIsTheSameJsonAsTheCli() {
        seeded();
        long id = web.bridge.id();
        Version v0 = web.store.version(id, 0).orElseThrow();
        Version v2 = web.store.version(id, 2).orElseThrow();
        HttpResponse<String> r = web.get("/api/articles/" + id + "/diff/0/2");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Json.write(Diff.compare(v0.text(), v2.text(), v0.fetchedAt(), v2.fetchedAt())));
        JsonNode diff = Json.MAPPER.readTree(r.body());
        assertThat(diff.path("title").path("new").asString()).isEqualTo("Council approves harbour bridge");
    }

    @Test
    void apiListsSourcesArticlesVersionsAndChanges() {
        seeded();
        JsonNode sources = Json.MAPPER.readTree(web.get("/api/sources").body());
        assertThat(sources.size()).isEqualTo(1);
        assertThat(sources.get(0).path("source").path("name").asString()).isEqualTo("harbour-gazette");
        assertThat(sources.get(0).path("verdict").asString()).isEqualTo("ok");
        JsonNode articles = Json.MAPPER.readTree(web.get("/api/articles?limit=10").body());
        assertThat(articles.size()).isEqualTo(3);
        JsonNode versions = Json.MAPPER.readTree(web.get("/api/articles/" + web.bridge.id() + "/versions").body());
        assertThat(versions.size()).isEqualTo(3);
        assertThat(versions.get(2).path("text").path("paragraphs").get(4).asString())
                .isEqualTo("Construction could start next spring.");
        JsonNode changes = Json.MAPPER.readTree(web.get("/api/changes").body());
        assertThat(changes.size()).isEqualTo(3);
        assertThat(web.get("/api/articles?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void searchHighlightsMatchesAndFiltersBySourceAndDate() {
        seeded();
        HttpResponse<String> r = web.get("/search?q=ferry");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<mark>").contains("href=\"/articles/" + web.bridge.id() + "/versions/2\"")
                .containsPattern("(?i)<mark>ferry</mark>");
        assertThat(web.get("/search?q=ferry&source=harbour-gazette&from=2026-11-20&to=2026-11-20").body())
                .contains("href=\"/articles/" + web.bridge.id() + "/versions/2\"");
        assertThat(web.get("/search?q=ferry&from=2026-11-21").body()).contains("No version of any tracked article matches");
        JsonNode api = Json.MAPPER.readTree(web.get("/api/search?q=ferry").body());
        assertThat(api.get(0).path("articleId").asLong()).isEqualTo(web.bridge.id());
    }

    @Test
    void searchSyntaxFromUsersNeverBreaksThePage() {
        seeded();
        for (String q : List.of("%22", "ferry%20AND", "NEAR(", "*", "%27%3B%20DROP%20TABLE%20versions%3B--",
                "-ferry", "ferry%20OR%20OR", "%5E%5E", "%E2%80%9Cbridge%E2%80%9D")) {
            HttpResponse<String> r = web.get("/search?q=" + q);
            assertThat(r.statusCode()).as(q).isIn(200, 400);
            assertThat(r.body()).as(q).doesNotContain("Exception");
            assertThat(web.get("/api/search?q=" + q).statusCode()).as(q).isIn(200, 400);
        }
        assertThat(web.store.versionCount()).isEqualTo(7);
    }

    @Test
    void writeActionsAreOffWithoutAnAdminToken() {
        seeded();
        HttpResponse<String> r = web.postForm("/sources", "name=tide&feeds=https%3A%2F%2Ftide.example%2Frss");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Write actions are switched off").contains("--admin-token");
        assertThat(web.store.source("tide")).isEmpty();
        HttpResponse<String> api = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/sources"))
                .header("Authorization", "Bearer anything")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"tide\",\"feeds\":[\"https://tide.example/rss\"]}"))
                .build());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(web.get("/sources").body()).doesNotContain("<form method=\"post\"");
    }

    @Test
    void writeActionsNeedTheRightToken() {
        web = WebFixture.seeded(dir, WebServer.Options.defaults().withAdminToken("s3cret"));
        assertThat(web.postForm("/sources", "name=tide&feeds=https%3A%2F%2Ftide.example%2Frss&token=wrong")
                .statusCode()).isEqualTo(403);
        assertThat(web.store.source("tide")).isEmpty();
        HttpResponse<String> ok = web.postForm("/sources", "name=tide&feeds=https%3A%2F%2Ftide.example%2Frss&token=s3cret");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(web.store.source("tide")).hasValueSatisfying(
                s -> assertThat(s.feeds()).containsExactly("https://tide.example/rss"));
        assertThat(web.postForm("/sources", "name=tide&feeds=https%3A%2F%2Ftide.example%2Frss&token=s3cret")
                .statusCode()).as("a taken name is a conflict").isEqualTo(409);
        assertThat(web.postForm("/sources", "name=bad%20name&feeds=https%3A%2F%2Fx.example&token=s3cret")
                .statusCode()).isEqualTo(400);
        assertThat(web.postForm("/sources/tide/remove", "token=s3cret").statusCode()).isEqualTo(303);
        assertThat(web.store.source("tide")).isEmpty();
        HttpResponse<String> api = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/sources"))
                .header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"tide\",\"feeds\":[\"https://tide.example/rss\"]}"))
                .build());
        assertThat(api.statusCode()).isEqualTo(201);
        assertThat(web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/sources/tide"))
                .header("Authorization", "Bearer s3cret").DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(web.postForm("/track", "url=https%3A%2F%2Fx.example%2Fa&token=s3cret").statusCode())
                .isEqualTo(503);
    }

    @Test
    void traceSaysNotAvailableWithoutATracer() {
        seeded();
        assertThat(web.get("/trace").body()).contains("Tracing is not available");
        HttpResponse<String> api = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/trace"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")).build());
        assertThat(api.statusCode()).isEqualTo(503);
    }

    @Test
    void metricsAndHealthReportRequestsAndStoreCounts() {
        web = WebFixture.seeded(dir, WebServer.Options.defaults().withPublicMetrics(true));
        web.get("/");
        web.get("/articles/" + web.bridge.id());
        String metrics = web.get("/metrics").body();
        assertThat(metrics).contains("redline_articles 3.0").contains("redline_versions 7.0")
                .containsPattern("redline_http_requests_seconds_count\\{method=\"GET\",route=\"/articles/\\{id\\}\",status=\"200\"\\} 1");
        JsonNode health = Json.MAPPER.readTree(web.get("/health").body());
        assertThat(health.path("status").asString()).isEqualTo("ok");
        assertThat(health.path("versions").asLong()).isEqualTo(7);
    }
}
