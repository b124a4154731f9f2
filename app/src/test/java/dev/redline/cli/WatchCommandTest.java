package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.redline.article.ArticleText;
import dev.redline.fetch.NetworkRanges;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import dev.redline.store.Store;
import dev.redline.webhook.Webhooks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redline watch add|list|log|deliver|remove} against a real SQLite file and a loopback receiver. */
class WatchCommandTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.run(Stream.concat(Stream.of("--db", dir.resolve("redline.db").toString()), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void aWatchIsAddedDeliveredLoggedAndRemoved() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
            long articleId;
            try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"))) {
                Article a = store.upsertArticle("https://gazette.example/bridge", null, t0);
                articleId = a.id();
                store.appendVersion(a.id(), new NewVersion(t0, new ArticleText("Bridge vote", null, List.of("A vote.")), Set.of(), false, null, null));
            }
            CliRun refused = run("watch", "add", "--article", Long.toString(articleId), "--url", url);
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("refusing to deliver to").contains("--allow-private-network");
            assertThat(run("watch", "add", "--url", url).err()).contains("--article");

            CliRun added = run("watch", "add", "--article", "https://gazette.example/bridge", "--url", url, "--allow-private-network");
            assertThat(added.code()).as(added.err()).isZero();
            assertThat(added.out()).contains("watch 1 added: article " + articleId + " → " + url).containsPattern("secret [0-9a-f]{64}");
            assertThat(run("watch", "list").out()).contains("1  article " + articleId + " → " + url);
            assertThat(run("watch", "log", "1").out()).contains("no deliveries yet");

            try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"))) {
                // the recording path as poll, track and serve wire it (Services.recorder)
                new VersionRecorder(store, List.of(new Webhooks(store, Clock.systemUTC(), NetworkRanges.PRIVATE))).record(
                        store.article(articleId).orElseThrow(), new Observation(t0.plusSeconds(60),
                                new ArticleText("Bridge vote passes", null, List.of("A vote passed.")), null));
            }
            assertThat(run("watch", "log", "1").out()).contains("pending  0 attempts");
            assertThat(run("watch", "deliver", "--allow-private-network").out()).contains("1 delivery delivered");
            assertThat(hits.get()).isEqualTo(1);
            assertThat(run("watch", "log", "1").out()).contains("delivered  1 attempt");
            assertThat(run("watch", "log", "1", "--format", "json").out()).contains("\"state\":\"delivered\"");
            assertThat(run("watch", "remove", "1").out()).contains("watch 1 removed");
            assertThat(run("watch", "remove", "1").err()).contains("no watch with id 1");
        } finally {
            receiver.stop(0);
        }
    }
}
