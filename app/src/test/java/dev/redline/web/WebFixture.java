package dev.redline.web;

import dev.redline.article.ArticleText;
import dev.redline.editing.ChangeFacets;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Recording;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import dev.redline.trace.Tracer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A real SQLite store in a temp folder holding fictional stories, served by a real {@link WebServer}
 * on an ephemeral loopback port. Stories (all invented):
 * <ul>
 *   <li>the harbour bridge vote: 3 versions — headline and words edited, then a sentence moved and one added;</li>
 *   <li>the library reopening: 2 versions, the second only cosmetic (flagged boring);</li>
 *   <li>a page whose headline and body carry markup and script, to prove it is shown as text.</li>
 * </ul>
 */
final class WebFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T20:00:00Z"), ZoneOffset.UTC);
    static final String HOSTILE_TITLE = "Mayor <script>document.title='owned'</script> <b>resigns</b>";
    static final String HOSTILE_BODY = "Aides said <img src=x onerror=alert(1)> the <i>letter</i> arrived at noon.";

    final Store store;
    /** Indexes every appended version, as the recording path does in a running Redline. */
    final Tracer tracer;
    /** Stores each appended version's change facets, as the recording path does. */
    final ChangeFacets facets;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Article bridge;
    Article library;
    Article hostile;

    /** Opens the store, lets {@code options} attach to it (a tracer, say), then starts the server. */
    WebFixture(Path dir, Function<Store, WebServer.Options> options) {
        this.store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"));
        this.tracer = new Tracer(store);
        this.facets = new ChangeFacets(store);
        this.server = new WebServer(store, options.apply(store).withClock(CLOCK)).start("127.0.0.1", 0);
    }

    static WebFixture empty(Path dir) {
        return new WebFixture(dir, store -> WebServer.Options.defaults());
    }

    static WebFixture seeded(Path dir, WebServer.Options options) {
        return seeded(dir, store -> options);
    }

    static WebFixture seeded(Path dir, Function<Store, WebServer.Options> options) {
        WebFixture f = new WebFixture(dir, options);
        f.seed();
        return f;
    }

    private void seed() {
        long gazette = store.addSource("harbour-gazette", List.of("http://127.0.0.1:9/gazette.xml"), List.of(),
                ExtractRules.NONE).id();
        bridge = store.upsertArticle("https://gazette.example/news/bridge-vote", gazette, T0);
        append(bridge, T0, new ArticleText("Council to vote on harbour bridge", "By Ada Lindqvist", List.of(
                "The town council will vote on Tuesday on the new harbour bridge.",
                "The bridge would cost 40 million crowns.",
                "Ferry operators oppose the plan.",
                "A decision is expected before the summer.")), Set.of(), false);
        append(bridge, T0.plusSeconds(3 * 3600), new ArticleText("Council approves harbour bridge", "By Ada Lindqvist", List.of(
                "The town council voted on Tuesday to build the new harbour bridge.",
                "The bridge would cost 40 million crowns.",
                "Ferry operators oppose the plan.",
                "A decision is expected before the summer.")), Set.of(VersionField.TITLE, VersionField.BODY), false);
        append(bridge, T0.plusSeconds(9 * 3600), new ArticleText("Council approves harbour bridge", "By Ada Lindqvist", List.of(
                "The town council voted on Tuesday to build the new harbour bridge.",
                "Ferry operators oppose the plan.",
                "A decision is expected before the summer.",
                "The bridge would cost 40 million crowns.",
                "Construction could start next spring.")), Set.of(VersionField.BODY), false);

        library = store.upsertArticle("https://gazette.example/news/library", gazette, T0.plusSeconds(600));
        append(library, T0.plusSeconds(600), new ArticleText("Old library reopens", null, List.of(
                "The old library reopened on Saturday after two years of repairs.")), Set.of(), false);
        append(library, T0.plusSeconds(4000), new ArticleText("Old library reopens", null, List.of(
                "The old library reopened on Saturday, after two years of repairs.")), Set.of(VersionField.BODY), true);

        hostile = store.upsertArticle("https://gazette.example/news/mayor", gazette, T0.plusSeconds(1200));
        append(hostile, T0.plusSeconds(1200), new ArticleText("Mayor under pressure", null, List.of(
                "The mayor faced questions on Monday.")), Set.of(), false);
        append(hostile, T0.plusSeconds(7200), new ArticleText(HOSTILE_TITLE, "<a href=javascript:alert(2)>Staff</a>",
                List.of("The mayor faced questions on Monday.", HOSTILE_BODY)),
                Set.of(VersionField.TITLE, VersionField.BYLINE, VersionField.BODY), false);
        bridge = store.article(bridge.id()).orElseThrow();
        library = store.article(library.id()).orElseThrow();
        hostile = store.article(hostile.id()).orElseThrow();
    }

    /** Stores a version with the flags given (the fixture decides them) and runs the tracer on it. */
    void append(Article a, Instant at, ArticleText text, Set<VersionField> changed, boolean boring) {
        List<Version> before = store.versions(a.id());
        Version previous = before.isEmpty() ? null : before.getLast();
        Version stored = store.appendVersion(a.id(), new NewVersion(at, text, changed, boring, boring ? "punctuation" : null, null));
        Recording recording = new Recording(stored, previous, Recording.Origin.TRACKED);
        facets.analyse(recording);
        tracer.analyse(recording);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
