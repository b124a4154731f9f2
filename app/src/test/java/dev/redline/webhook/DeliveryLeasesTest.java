package dev.redline.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.redline.fetch.NetworkRanges;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Delivery;
import dev.redline.store.Store;
import dev.redline.store.TestDatabases;
import dev.redline.store.Watch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two deliverers (each with its own store over one database, as two {@code redline serve}
 * processes would be) deliver one outbox at the same time: the receiver holds the first POST until
 * the other deliverer's first POST arrives too, so both hold claims at once, and still every
 * delivery is POSTed exactly once. On embedded PostgreSQL and on one SQLite file.
 */
class DeliveryLeasesTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final int DELIVERIES = 30;

    @TempDir
    Path dir;
    HttpServer receiver;
    ExecutorService receiverThreads;
    final ConcurrentHashMap<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    final CountDownLatch bothSending = new CountDownLatch(2);
    final VirtualClock clock = new VirtualClock(T0);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiverThreads = Executors.newFixedThreadPool(4);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("X-Redline-Delivery");
            posts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            bothSending.countDown();
            try {
                bothSending.await(10, TimeUnit.SECONDS); // the first POST waits for the other deliverer's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        receiverThreads.shutdownNow();
    }

    @Test
    void twoDeliverersOnOnePostgresNeverSendTheSameDelivery() throws Exception {
        deliverWithTwo(TestDatabases.freshPostgresUrl());
    }

    @Test
    void twoDeliverersOnOneSqliteFileNeverSendTheSameDelivery() throws Exception {
        deliverWithTwo(TestDatabases.sqliteUrl(dir));
    }

    private void deliverWithTwo(String url) throws Exception {
        try (Store first = Store.open(url, clock); Store second = Store.open(url, clock)) {
            Watch w = first.watches().addWatch(Watch.Kind.QUERY, "bridge",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", Webhooks.newSecret());
            for (int v = 1; v <= DELIVERIES; v++) {
                first.watches().enqueue(w.id(), v, "{\"version\":" + v + "}", T0);
            }
            Webhooks a = new Webhooks(first, clock, NetworkRanges.PRIVATE);
            Webhooks b = new Webhooks(second, clock, NetworkRanges.PRIVATE);
            CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(a::deliverDue);
            CompletableFuture<Integer> byB = CompletableFuture.supplyAsync(b::deliverDue);
            int deliveredByA = byA.get(60, TimeUnit.SECONDS);
            int deliveredByB = byB.get(60, TimeUnit.SECONDS);

            assertThat(bothSending.getCount()).as("both deliverers were sending at once").isZero();
            assertThat(deliveredByA).isPositive();
            assertThat(deliveredByB).isPositive();
            assertThat(deliveredByA + deliveredByB).isEqualTo(DELIVERIES);
            assertThat(posts).hasSize(DELIVERIES);
            assertThat(posts.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            List<Delivery> log = first.watches().deliveries(w.id(), 100);
            assertThat(log).hasSize(DELIVERIES).allSatisfy(d -> {
                assertThat(d.state()).isEqualTo("delivered");
                assertThat(d.attempts()).isEqualTo(1);
            });
            // nothing is left claimed or due
            assertThat(first.watches().claimDueDeliveries(clock.instant().plus(Duration.ofHours(1)), 100, "x",
                    Duration.ofMinutes(1))).isEmpty();
        }
    }

    @Test
    void aDeliverersLeaseExpiresSoAnotherTakesOverItsClaims() {
        try (Store store = Store.open(TestDatabases.sqliteUrl(dir), clock)) {
            Watch w = store.watches().addWatch(Watch.Kind.QUERY, "bridge", "http://127.0.0.1:9/hook", "k");
            store.watches().enqueue(w.id(), 1, "{}", T0);
            assertThat(store.watches().claimDueDeliveries(T0, 10, "crashed", Duration.ofMinutes(10))).hasSize(1);
            assertThat(store.watches().claimDueDeliveries(T0.plusSeconds(599), 10, "other", Duration.ofMinutes(10))).isEmpty();
            assertThat(store.watches().claimDueDeliveries(T0.plusSeconds(600), 10, "other", Duration.ofMinutes(10)))
                    .extracting(Delivery::versionId).containsExactly(1L);
        }
    }
}
