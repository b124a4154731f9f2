package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.service.PageReader;
import dev.redline.trace.Tracer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The trace page and API over a real tracer, and reuse relations on article pages. */
class TraceWebTest {
    /** A copier's rewrite of the bridge story's version 1, with its own furniture around it. */
    static final String COPY = """
            Council approves harbour bridge
            The town council voted on Tuesday to build the new harbour bridge.
            The bridge would cost 40 million crowns.
            Ferry operators oppose the plan.
            A decision is expected before the summer.
            Subscribe to the Coast Courier for more local news every morning.""";

    @TempDir
    Path dir;

    HttpServer copier;
    final AtomicInteger copierHits = new AtomicInteger();
    WebFixture web;

    @BeforeEach
    void startCopier() throws Exception {
        copier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        copier.createContext("/", exchange -> {
            copierHits.incrementAndGet();
            boolean page = exchange.getRequestURI().getPath().equals("/copied-story");
            byte[] body = (page ? copyPage() : "not here").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", page ? "text/html; charset=utf-8" : "text/plain");
            exchange.sendResponseHeaders(page ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        copier.start();
    }

    @AfterEach
    void stop() {
        copier.stop(0);
        if (web != null) {
            web.close();
        }
    }

    private static String copyPage() {
        String[] lines = COPY.split("\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>" + lines[0]
                + " | Coast Courier</title></head><body><nav><a href=/>Home</a> <a href=/sport>Sport</a></nav>"
                + "<article><h1>" + lines[0] + "</h1>");
        for (int i = 1; i < lines.length; i++) {
            html.append("<p>").append(lines[i]).append("</p>");
        }
        return html.append("</article><footer>Coast Courier, all rights reserved.</footer></body></html>").toString();
    }

    private void start(FetchConfig fetch) {
        web = WebFixture.seeded(dir, store -> WebServer.Options.defaults().withTracing(
                new TraceService(new Tracer(store), new PageReader(Fetcher.standalone(fetch, Clock.systemUTC())))));
    }

    private String copyUrl() {
        return "http://127.0.0.1:" + copier.getAddress().getPort() + "/copied-story";
    }

    @Test
    void pastedTextIsTracedToTheExactVersion() {
        start(FetchConfig.defaults());
        HttpResponse<String> page = web.postForm("/trace", "text=" + URLEncoder.encode(COPY, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/articles/" + web.bridge.id() + "\"").contains("version 1 (");
        // the evidence links to the versions it names and to the diff it comes from; the copy's diff is on the page
        assertThat(page.body()).contains("Why this version:")
                .contains("href=\"/articles/" + web.bridge.id() + "#v1\"")
                .contains("href=\"/articles/" + web.bridge.id() + "/diff/0/1\"")
                .contains("<details class=\"copy-diff\">");
        HttpResponse<String> hostile = web.postForm("/trace", "text=" + URLEncoder.encode(COPY + "\n<script>alert(1)</script> was added.",
                StandardCharsets.UTF_8));
        assertThat(hostile.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");

        HttpResponse<String> api = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/trace"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("text", COPY)))).build());
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode best = Json.MAPPER.readTree(api.body()).path("matches").get(0);
        assertThat(best.path("url").asString()).isEqualTo("https://gazette.example/news/bridge-vote");
        assertThat(best.path("version").asInt()).isEqualTo(1);
        assertThat(best.path("diff").path("ops").isArray()).isTrue();
        JsonNode evidence = best.path("evidence");
        assertThat(evidence.isArray()).isTrue();
        assertThat(evidence.size()).isPositive();
        assertThat(evidence.get(0).path("supports").toString()).contains("1");
        assertThat(evidence.get(0).path("contradicts").toString()).contains("0");
    }

    @Test
    void aUrlIsFetchedExtractedAndTraced() {
        start(FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ZERO));
        HttpResponse<String> api = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/trace"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("url", copyUrl())))).build());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonNode best = Json.MAPPER.readTree(api.body()).path("matches").get(0);
        assertThat(best.path("url").asString()).isEqualTo("https://gazette.example/news/bridge-vote");
        assertThat(best.path("version").asInt()).isEqualTo(1);
    }

    @Test
    void privateAddressesAreRefusedByTheFetchersGuard() {
        start(FetchConfig.defaults());
        HttpResponse<String> page = web.postForm("/trace", "url=" + URLEncoder.encode(copyUrl(), StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("cannot fetch");
        assertThat(copierHits.get()).isZero();
        assertThat(web.postForm("/trace", "url=ftp%3A%2F%2Fexample.com%2Fx").statusCode()).isEqualTo(400);
        assertThat(web.postForm("/trace", "text=").statusCode()).isEqualTo(400);
    }

    @Test
    void reuseIsShownOnBothArticlePages() {
        start(FetchConfig.defaults());
        long courier = web.store.addSource("coast-courier", List.of("http://127.0.0.1:9/courier.xml"), List.of(),
                ExtractRules.NONE).id();
        Article copy = web.store.upsertArticle("https://courier.example/bridge", courier,
                WebFixture.T0.plusSeconds(5 * 3600));
        String[] lines = COPY.split("\n");
        web.append(copy, WebFixture.T0.plusSeconds(5 * 3600), new ArticleText(lines[0], null,
                List.of(lines).subList(1, lines.length)), Set.of(), false);
        String copyPage = web.get("/articles/" + copy.id()).body();
        assertThat(copyPage).contains("reuses text of https://gazette.example/news/bridge-vote, version 1")
                .contains("href=\"/articles/" + web.bridge.id() + "\"");
        assertThat(web.get("/articles/" + web.bridge.id()).body())
                .contains("was reused by https://courier.example/bridge")
                .contains("href=\"/articles/" + copy.id() + "\"");
    }
}
