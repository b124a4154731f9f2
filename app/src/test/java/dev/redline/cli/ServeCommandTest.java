package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.store.NewVersion;
import dev.redline.store.Store;
import dev.redline.trace.Tracer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code redline serve}: a fresh data folder just works, and the polling loop runs beside the server. */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    /** A running {@code serve} on a thread, stopped by interrupting it. */
    private final class Serving implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;
        final String base;

        Serving(String... args) throws InterruptedException {
            CommandLine cli = Redline.newCommandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exit.set(cli.execute(args)), "serve-under-test");
            thread.start();
            String found = null;
            for (int i = 0; i < 400 && found == null; i++) {
                Matcher m = URL.matcher(out.toString());
                if (m.find()) {
                    found = m.group(1);
                } else {
                    assertThat(thread.isAlive()).as("serve exited early: %s", err).isTrue();
                    Thread.sleep(50);
                }
            }
            assertThat(found).as("serve printed its URL; stderr: %s", err).isNotNull();
            base = found;
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            assertThat(thread.isAlive()).isFalse();
            assertThat(exit.get()).isZero();
        }
    }

    @Test
    void serveOnAFreshMachineJustWorks() throws Exception {
        Path data = dir.resolve("fresh").resolve("redline-data");
        try (Serving serving = new Serving("--data", data.toString(), "serve", "--port", "0", "--no-poll")) {
            assertThat(serving.get("")).contains("Currently monitoring 0 articles with 0 versions")
                    .contains("redline source add");
            assertThat(serving.out.toString()).contains("Write actions are off").contains("polling off");
            assertThat(Files.exists(data.resolve("redline.db"))).isTrue();
        }
    }

    @Test
    void servePollsItsSourcesWhileServing() throws Exception {
        Path data = dir.resolve("data");
        try (NewsroomSimulator sim = NewsroomSimulator.start(Clock.systemUTC())) {
            try (Store store = Store.open("jdbc:sqlite:" + data.resolve("redline.db"))) {
                var site = sim.sites().getFirst();
                store.addSource(site.name(), List.of(site.rssUrl()), List.of(), ExtractRules.NONE);
            }
            try (Serving serving = new Serving("--data", data.toString(), "serve", "--port", "0",
                    "--allow-private-network")) {
                JsonNode articles = null;
                for (int i = 0; i < 600; i++) {
                    articles = Json.MAPPER.readTree(serving.get("api/articles"));
                    if (!articles.isEmpty() && articles.get(0).path("article").path("versionCount").asInt() > 0) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(articles).as("the polling loop stored a version; stderr: %s", serving.err).isNotEmpty();
                long id = articles.get(0).path("article").path("id").asLong();
                assertThat(articles.get(0).path("article").path("versionCount").asInt()).isPositive();
                assertThat(serving.get("articles/" + id)).contains("version").contains(sim.sites().getFirst().baseUrl());
                // what the polling loop records is in the trace index (the recording path indexes it after the commit)
                assertThat(waitForIndex(data.resolve("redline.db"))).as("unindexed versions").isZero();
            }
        }
    }

    @Test
    void serveRebuildsAnIncompleteTraceIndexInTheBackground() throws Exception {
        Path data = dir.resolve("data");
        Path db = data.resolve("redline.db");
        Files.createDirectories(data);
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            // stored by the store alone, as in a store whose index migration V45 emptied
            Instant at = Instant.parse("2026-03-03T20:00:00Z");
            var article = store.upsertArticle("https://wendell-post.example/crane", null, at);
            store.appendVersion(article.id(), new NewVersion(at, new ArticleText("Crane collapses", null,
                    List.of("A container crane folded onto the Port Wendell quay on Tuesday night, the harbour board said.")),
                    Set.of(), false, null, null));
        }
        try (Serving serving = new Serving("--data", data.toString(), "serve", "--port", "0", "--no-poll")) {
            assertThat(serving.get("trace")).contains("action=\"/trace\"");
            assertThat(waitForIndex(db)).as("unindexed versions after the background repair").isZero();
            assertThat(serving.get("trace")).doesNotContain("not in the trace index").doesNotContain("being rebuilt");
        }
    }

    /** Stored versions not in the trace index, once the index caught up or after 30 seconds. */
    private static long waitForIndex(Path db) throws InterruptedException {
        long behind = -1;
        for (int i = 0; i < 300 && behind != 0; i++) {
            try (Store store = Store.open("jdbc:sqlite:" + db)) {
                behind = new Tracer(store).unindexedVersions();
            }
            if (behind != 0) {
                Thread.sleep(100);
            }
        }
        return behind;
    }

    @Test
    void trackingAUrlNeedsTheTokenAndPassesTheFetchersPrivateAddressGuard() throws Exception {
        try (NewsroomSimulator sim = NewsroomSimulator.start(Clock.systemUTC());
             Serving serving = new Serving("--data", dir.resolve("data").toString(), "serve", "--port", "0",
                     "--no-poll", "--admin-token", "harbour-key")) {
            var site = sim.sites().getFirst();
            String story = sim.articleUrl(site.name(), sim.newsroom().sources().getFirst().stories().getFirst().slug());
            String form = "url=" + java.net.URLEncoder.encode(story, java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> refused = http.send(post(serving.base + "track", form + "&token=wrong"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            HttpResponse<String> tracked = http.send(post(serving.base + "track", form + "&token=harbour-key"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tracked.statusCode()).isEqualTo(303);
            String location = tracked.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("/articles/\\d+");
            assertThat(serving.get(location.substring(1))).contains("failing").contains("No version stored yet");
            assertThat(sim.requests()).as("the guard refused the loopback address before any request").isEmpty();
        }
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    @Test
    void aBadPortIsAClearUserError() {
        StringWriter err = new StringWriter();
        CommandLine cli = Redline.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--data", dir.toString(), "serve", "--port", "70000");
        assertThat(code).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--port must be between 0 and 65535");
    }
}
