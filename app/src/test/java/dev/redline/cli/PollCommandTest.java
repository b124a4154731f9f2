package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.store.Article;
import dev.redline.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redline poll} and {@code redline track} against the simulator on loopback. */
class PollCommandTest {
    @TempDir
    Path dir;
    private NewsroomSimulator sim;
    private String db;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        sim = NewsroomSimulator.start(Clock.systemUTC());
        db = dir.resolve("redline.db").toString();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int run(String... args) {
        var cmd = Redline.newCommandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void pollOnceDiscoversAndChecksArticles() throws Exception {
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            store.addSource("gazette", List.of(sim.site("harbour-gazette").rssUrl()), List.of(), ExtractRules.NONE);
        }
        int code = run("--db", db, "--data", dir.toString(), "poll", "--once", "--host-delay", "0",
                "--allow-private-network");
        assertThat(code).as(err.toString()).isZero();
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            Article ferry = store.articleByUrl(sim.articleUrl("harbour-gazette", "ferry-strike")).orElseThrow();
            assertThat(ferry.versionCount()).isEqualTo(1);
            assertThat(store.versions(ferry.id()).getFirst().text().title()).isEqualTo("Ferry crews strike in Port Wendell");
        }
        try (Stream<Path> warcs = Files.list(dir.resolve("warc"))) {
            assertThat(warcs.toList()).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".warc.gz"));
        }
        assertThat(sim.requests()).allMatch(r -> r.userAgent().startsWith("Redline/"));
    }

    @Test
    void trackAddsAndChecksOneUrl() {
        String url = sim.articleUrl("harbour-gazette", "ferry-strike") + "?utm_source=newsletter#top";
        int code = run("--db", db, "--data", dir.toString(), "track", url, "--allow-private-network", "--host-delay", "0");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("tracking " + sim.articleUrl("harbour-gazette", "ferry-strike") + ": new-version, 1 version");

        // Another form of the same URL, and the article's id, find the tracked article instead of adding one.
        long id;
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            id = store.articleByUrl(sim.articleUrl("harbour-gazette", "ferry-strike")).orElseThrow().id();
        }
        for (String ref : List.of(sim.articleUrl("harbour-gazette", "ferry-strike") + "/?fbclid=abc", Long.toString(id))) {
            out.getBuffer().setLength(0);
            assertThat(run("--db", db, "--data", dir.toString(), "track", ref, "--allow-private-network",
                    "--host-delay", "0")).as(err.toString()).isZero();
            assertThat(out.toString()).as(ref).startsWith("tracking " + sim.articleUrl("harbour-gazette", "ferry-strike")
                    + ": not-modified, 1 version,");
        }
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            assertThat(store.articleCount()).isEqualTo(1);
        }
        assertThat(run("--db", db, "--data", dir.toString(), "track", "424242")).isEqualTo(2);
        assertThat(err.toString()).contains("no tracked article with id 424242");
    }

    @Test
    void refusesLoopbackUnlessAllowed() {
        int code = run("--db", db, "--data", dir.toString(), "track", sim.articleUrl("harbour-gazette", "ferry-strike"));
        assertThat(code).isEqualTo(Redline.EXIT_FAILURE);
        assertThat(out.toString()).contains("loopback address 127.0.0.1").contains("--allow-private-network");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void allowNetworkOpensOnlyTheNamedRanges() {
        String url = sim.articleUrl("harbour-gazette", "ferry-strike");
        assertThat(run("--db", db, "--data", dir.toString(), "track", url, "--allow-network", "10.0.0.0/8",
                "--host-delay", "0")).isEqualTo(Redline.EXIT_FAILURE);
        assertThat(out.toString()).contains("loopback address 127.0.0.1").contains("--allow-network 127.0.0.1");
        assertThat(sim.requests()).isEmpty();
        assertThat(run("--db", db, "--data", dir.toString(), "track", url, "--allow-network", "10.0.0.0/8,127.0.0.1/32",
                "--host-delay", "0")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("new-version, 1 version");
        assertThat(run("--db", db, "--data", dir.toString(), "track", url, "--allow-network", "127.0.0.1/40")).isEqualTo(2);
        assertThat(err.toString()).contains("redline: --allow-network: prefix /40 is out of range for 127.0.0.1");
    }

    @Test
    void badInputIsAUserError() {
        assertThat(run("--db", db, "--data", dir.toString(), "poll", "--once", "--host-delay", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("redline: --host-delay must be 0 or more");
        assertThat(run("--db", db, "--data", dir.toString(), "track", "not a url")).isEqualTo(2);
        assertThat(err.toString()).contains("redline: not an absolute http(s) URL: not a url");
        assertThat(run("--db", db, "--data", dir.toString(), "track", "https://news.example/a", "--source", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("no source named 'nope'");
    }
}
