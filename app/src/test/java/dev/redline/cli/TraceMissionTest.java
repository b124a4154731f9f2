package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.json.Json;
import dev.redline.store.Store;
import dev.redline.trace.Tracer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The case Redline was specified from, with fictional text: a wire story changes five times in
 * one day (the headline each time); another site republishes version 0 with its own boilerplate
 * appended. Tracing the copier's page, as a file and as a URL, must name that story, version 0.
 */
class TraceMissionTest {
    private static final String URL = "https://world-wire.example/news/coalition-talks-4471";
    private static final List<String> FIRST_BODY = List.of(
            "Foreign ministers from twenty-one countries are gathering in the port city of Kessington for talks on "
                    + "how to stop the armed group that has seized three towns along the Varn river.",
            "The meeting, hosted by the Ashby islands government, is the first since the coalition was formed in "
                    + "the spring, and officials say they hope to agree on a shared plan for the river crossings.",
            "Minister Henrietta Vale said before the talks that the coalition would not be rushed into decisions, "
                    + "but that aid convoys could not wait much longer for safe passage.",
            "Aid agencies say more than forty thousand people have left the valley since the fighting began, many "
                    + "of them sheltering in schools and churches in Dunmorrow.",
            "The group has not commented on the talks, which are expected to last two days.");
    private static final String[] HEADLINES = {
            "Varn conflict: Kessington hosts coalition talks",
            "Varn conflict: ministers meet as aid convoys wait",
            "Varn crisis: Vale hails coalition effort in Kessington",
            "Varn crisis: coalition agrees river crossing plan",
            "Varn crisis: coalition plan 'a turning point', says Vale"};

    private static List<ArticleText> history() {
        List<ArticleText> versions = new ArrayList<>();
        List<String> body = new ArrayList<>(FIRST_BODY);
        versions.add(new ArticleText(HEADLINES[0], "By Osei Brandt", List.copyOf(body)));
        body.set(4, "The group has not commented on the talks, which began on Thursday morning and are expected to last two days.");
        versions.add(new ArticleText(HEADLINES[1], "By Osei Brandt", List.copyOf(body)));
        body.addFirst("Minister Henrietta Vale has praised what she called a remarkable show of unity at the Kessington talks.");
        versions.add(new ArticleText(HEADLINES[2], "By Osei Brandt", List.copyOf(body)));
        body.add("In a statement after the first day, the coalition said the river crossings would reopen under escort within a week.");
        versions.add(new ArticleText(HEADLINES[3], "By Osei Brandt", List.copyOf(body)));
        body.set(0, "Minister Henrietta Vale has called the plan agreed in Kessington a turning point for the Varn valley.");
        versions.add(new ArticleText(HEADLINES[4], "By Osei Brandt", List.copyOf(body)));
        return versions;
    }

    /** The copier's page: its own navigation, version 0 of the story, then its boilerplate. */
    private static String copierPage() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Varn conflict: Kessington hosts coalition talks - The Lagoon Courier</title></head>
                <body><header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
                <main><article><h1>Varn conflict: Kessington hosts coalition talks</h1>
                <p class="meta">Posted by Courier Desk</p>
                """);
        for (String paragraph : FIRST_BODY) {
            html.append("<p>").append(paragraph).append("</p>\n");
        }
        html.append("""
                <p><strong>Receive News Alerts on Whatsapp: +000 555 0199</strong></p>
                <p>No Comments yet</p>
                </article></main>
                <footer><p>Copyright 2026 The Lagoon Courier. All rights reserved.</p></footer></body></html>
                """);
        return html.toString();
    }

    private static void storeHistory(Path db) {
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            long source = store.addSource("world-wire", List.of(), List.of(), ExtractRules.NONE).id();
            Instant morning = Instant.parse("2026-09-24T06:10:00Z");
            List<ArticleText> versions = history();
            List<VersionRecorder.Archived> entries = new ArrayList<>();
            for (int v = 0; v < versions.size(); v++) {
                entries.add(new VersionRecorder.Archived(new Observation(morning.plus(Duration.ofHours(3L * v)),
                        versions.get(v), null), null));
            }
            new VersionRecorder(store, List.of(new Tracer(store))).recordHistory(URL, source, entries);
        }
    }

    private static void assertVersionZero(CliRun run) {
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode matches = Json.MAPPER.readTree(run.out()).get("matches");
        assertThat(matches).hasSize(1);
        JsonNode match = matches.get(0);
        assertThat(match.get("url").asString()).isEqualTo(URL);
        assertThat(match.get("source").asString()).isEqualTo("world-wire");
        assertThat(match.get("title").asString()).isEqualTo(HEADLINES[0]);
        assertThat(match.get("version").asInt()).isZero();
        assertThat(match.get("fetchedAt").asString()).isEqualTo("2026-09-24T06:10:00Z");
        assertThat(match.get("tiedVersions").toString()).isEqualTo("[0]");
        assertThat(match.get("containment").asDouble()).isGreaterThan(0.9);
        assertThat(match.get("coverage").asDouble()).isGreaterThan(0.7);
        // the diff shows the copier's additions, as `redline diff` would
        JsonNode ops = match.get("diff").get("ops");
        List<String> added = new ArrayList<>();
        ops.forEach(op -> {
            if (op.get("op").asString().equals("add")) {
                added.add(op.get("new").asString());
            }
        });
        assertThat(String.join(" ", added)).doesNotContain("Kessington");
        assertThat(match.get("diff").get("title").get("changed").asBoolean()).isFalse();
    }

    @Test
    void theCopiersPageIsVersionZeroOfTheWireStory(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("redline.db");
        storeHistory(db);
        Path page = dir.resolve("copy.html");
        Files.writeString(page, copierPage());

        assertVersionZero(run("--db", db.toString(), "trace", "--format", "json", page.toString()));

        CliRun text = run("--db", db.toString(), "trace", page.toString());
        assertThat(text.out()).contains(URL).contains("version 0 of 2026-09-24T06:10:00Z").contains(HEADLINES[0]);
    }

    @Test
    void aGzippedCopyIsReadLikeAnyOtherHtmlFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("redline.db");
        storeHistory(db);
        Path page = dir.resolve("copy.html.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(page))) {
            out.write(copierPage().getBytes(StandardCharsets.UTF_8));
        }
        assertVersionZero(run("--db", db.toString(), "trace", "--format", "json", page.toString()));
    }

    @Test
    void aUrlIsFetchedOnlyWhenPrivateAddressesAreAllowed(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("redline.db");
        storeHistory(db);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = copierPage().getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            boolean page = exchange.getRequestURI().getPath().equals("/news/varn-talks");
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page ? 200 : 404, page ? body.length : -1);
            if (page) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/varn-talks";
            CliRun refused = run("--db", db.toString(), "trace", url);
            assertThat(refused.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
            assertThat(refused.err()).contains("--allow-private-network");

            assertVersionZero(run("--db", db.toString(), "trace", "--format", "json", "--allow-private-network", url));
        } finally {
            server.stop(0);
        }
    }
}
