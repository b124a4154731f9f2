package dev.redline.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.fetch.NetworkRanges;
import dev.redline.json.Json;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.Delivery;
import dev.redline.store.Store;
import dev.redline.store.Watch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Webhook deliveries to a real loopback receiver that fails at first, over a real SQLite store reopened midway. */
class WebhooksTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;
    HttpServer receiver;
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    final VirtualClock clock = new VirtualClock(T0);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            received.add(Map.of("body", body, "signature", exchange.getRequestHeaders().getFirst("X-Redline-Signature"),
                    "delivery", exchange.getRequestHeaders().getFirst("X-Redline-Delivery"), "status", Integer.toString(status)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    Store open() {
        return Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock);
    }

    @Test
    void aFailingReceiverGetsRetriesWithBackOffAndNothingIsLostAcrossARestart() {
        failuresLeft.set(2);
        long articleId;
        Watch watch;
        try (Store store = open()) {
            Webhooks hooks = new Webhooks(store, clock, NetworkRanges.PRIVATE);
            VersionRecorder recorder = new VersionRecorder(store, List.of(hooks));
            long source = store.addSource("harbour-gazette", List.of("http://127.0.0.1:9/feed.xml"), List.of(), ExtractRules.NONE).id();
            Article a = store.upsertArticle("https://gazette.example/bridge", source, T0);
            articleId = a.id();
            watch = store.watches().addWatch(Watch.Kind.ARTICLE, Long.toString(a.id()), hookUrl(), Webhooks.newSecret());
            store.watches().addWatch(Watch.Kind.QUERY, "tunnel", hookUrl(), Webhooks.newSecret()); // matches nothing
            record(recorder, store, a, T0, "Council to vote on bridge", "The council will vote on Tuesday.");
            record(recorder, store, a, T0.plusSeconds(3600), "Council approves bridge", "The council voted on Tuesday.");
            assertThat(hooks.deliverDue()).isZero();               // first try: 503
            assertThat(received).hasSize(1);
            assertThat(hooks.deliverDue()).isZero();               // not due yet: nothing sent
            assertThat(received).hasSize(1);
            Delivery pending = store.watches().deliveries(watch.id(), 10).getFirst();
            assertThat(pending.state()).isEqualTo("pending");
            assertThat(pending.lastStatus()).isEqualTo(503);
            assertThat(pending.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
        }
        // restart: a new store and a new deliverer find the queued delivery
        try (Store store = open()) {
            Webhooks hooks = new Webhooks(store, clock, NetworkRanges.PRIVATE);
            clock.advance(Duration.ofSeconds(30));
            assertThat(hooks.deliverDue()).isZero();               // second try: 503 again, next wait doubles
            assertThat(store.watches().deliveries(watch.id(), 10).getFirst().nextAttempt())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            clock.advance(Duration.ofMinutes(1));
            assertThat(hooks.deliverDue()).isEqualTo(1);           // third try: delivered
            assertThat(hooks.deliverDue()).isZero();
            Delivery done = store.watches().deliveries(watch.id(), 10).getFirst();
            assertThat(done.state()).isEqualTo("delivered");
            assertThat(done.attempts()).isEqualTo(3);
        }
        assertThat(received).hasSize(3).extracting(r -> r.get("status")).containsExactly("503", "503", "204");
        assertThat(received).extracting(r -> r.get("delivery")).containsOnly(received.getFirst().get("delivery"));
        Map<String, String> last = received.getLast();
        assertThat(last.get("signature")).isEqualTo("sha256=" + Webhooks.sign(watch.secret(), last.get("body")));
        JsonNode payload = Json.MAPPER.readTree(last.get("body"));
        assertThat(payload.path("event").asString()).isEqualTo("version");
        assertThat(payload.path("article").path("id").asLong()).isEqualTo(articleId);
        assertThat(payload.path("article").path("source").asString()).isEqualTo("harbour-gazette");
        assertThat(payload.path("version").path("n").asInt()).isEqualTo(1);
        assertThat(payload.path("diff").path("title").path("new").asString()).isEqualTo("Council approves bridge");
        assertThat(payload.path("diff").path("ops").isArray()).isTrue();
    }

    @Test
    void sourceAndQueryWatchesMatchAndBoringVersionsAreNotSent() {
        try (Store store = open()) {
            Webhooks hooks = new Webhooks(store, clock, NetworkRanges.PRIVATE);
            VersionRecorder recorder = new VersionRecorder(store, List.of(hooks));
            long source = store.addSource("harbour-gazette", List.of("http://127.0.0.1:9/feed.xml"), List.of(), ExtractRules.NONE).id();
            Watch bySource = store.watches().addWatch(Watch.Kind.SOURCE, "harbour-gazette", hookUrl(), "s1");
            Watch byQuery = store.watches().addWatch(Watch.Kind.QUERY, "Ferry strike", hookUrl(), "s2");
            Article a = store.upsertArticle("https://gazette.example/ferry", source, T0);
            record(recorder, store, a, T0, "Ferries run late", "Crews met on Monday.");
            record(recorder, store, a, T0.plusSeconds(60), "Ferry crews strike", "Crews began a strike on Monday.");
            record(recorder, store, a, T0.plusSeconds(120), "Ferry crews strike", "Crews began a strike on Monday,");
            // an imported history is the past, not news: nothing is sent for it
            recorder.recordHistory("https://gazette.example/old-ferry", source, List.of(
                    new VersionRecorder.Archived(new Observation(T0, new ArticleText("Old ferry", null, List.of("Old strike.")), null), null),
                    new VersionRecorder.Archived(new Observation(T0.plusSeconds(5), new ArticleText("Old ferry strike", null,
                            List.of("An old strike.")), null), null)));
            assertThat(hooks.deliverDue()).isEqualTo(2);
            assertThat(store.watches().deliveries(bySource.id(), 10)).hasSize(1);
            assertThat(store.watches().deliveries(byQuery.id(), 10)).hasSize(1);
            assertThat(Webhooks.matches(byQuery, a, "harbour-gazette", new ArticleText("Strike over", null, List.of("No ferry.")))).isTrue();
            assertThat(Webhooks.matches(byQuery, a, "harbour-gazette", new ArticleText("Strike over", null, List.of("No ferries.")))).isFalse();
        }
    }

    @Test
    void privateReceiversAreRefusedUnlessAllowed() {
        try (Store store = open()) {
            Webhooks strict = new Webhooks(store, clock, NetworkRanges.NONE);
            assertThatThrownBy(() -> strict.checkReceiver(hookUrl())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refusing to deliver to").hasMessageContaining("loopback");
            assertThatThrownBy(() -> strict.checkReceiver("ftp://example.org/x")).hasMessageContaining("http:// or https://");
            new Webhooks(store, clock, NetworkRanges.PRIVATE).checkReceiver(hookUrl());
        }
    }

    @Test
    void backOffDoublesFromThirtySecondsUpToSixHours() {
        assertThat(Webhooks.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Webhooks.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Webhooks.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(Webhooks.backoff(40)).isEqualTo(Duration.ofHours(6));
    }

    /** Records a tracked text through the one recording path, as the tracker does. */
    private static void record(VersionRecorder recorder, Store store, Article a, Instant at, String title, String body) {
        recorder.record(store.article(a.id()).orElseThrow(), new Observation(at, new ArticleText(title, null, List.of(body)), null));
    }
}
