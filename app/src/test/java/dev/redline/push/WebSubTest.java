package dev.redline.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.NetworkRanges;
import dev.redline.service.AppConfig;
import dev.redline.service.Services;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SimHub;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Store;
import dev.redline.store.Subscription;
import dev.redline.track.Tracker;
import dev.redline.track.TrackerConfig;
import dev.redline.web.WebServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSub end to end on loopback: a simulated site whose feed names a hub in its Link header, a real
 * hub ({@link SimHub}) and Redline's callback served by the real web server, over a real SQLite
 * store; the tracker's feed poll discovers the hub, time moves on a virtual clock.
 */
class WebSubTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock(T0);
    NewsroomSimulator sim;
    SimHub hub;
    String feedUrl;
    Services services;
    Store store;
    Tracker tracker;
    WebSub webSub;
    WebServer server;
    long sourceId;

    @BeforeEach
    void start() throws IOException {
        sim = NewsroomSimulator.start(clock);
        hub = SimHub.start();
        sim.advertiseHub(hub.url());
        FetchConfig fetch = FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ZERO);
        services = Services.create(Services.Settings.of(new AppConfig(dir, "jdbc:sqlite:" + dir.resolve("redline.db")))
                .withFetch(fetch).withTracker(TrackerConfig.defaults().withThreads(1).withFeedInterval(Duration.ofMinutes(10)))
                .withTime(clock, clock.sleeper()));
        store = services.store();
        tracker = services.tracker();
        int port = freePort();
        webSub = new WebSub(store.subscriptions(), services.discovery(), clock, NetworkRanges.PRIVATE, "http://127.0.0.1:" + port);
        tracker.onFeedRead(webSub::discovered);
        server = new WebServer(store, WebServer.Options.defaults().withClock(clock).withWebSub(webSub)).start("127.0.0.1", port);
        NewsroomSimulator.SiteInfo site = sim.sites().getFirst();
        feedUrl = site.atomUrl();
        sourceId = store.addSource(site.name(), List.of(feedUrl), List.of(), ExtractRules.NONE).id();
    }

    @AfterEach
    void stop() {
        server.close();
        services.close();
        hub.close();
        sim.close();
    }

    private String base() {
        return sim.sites().getFirst().baseUrl();
    }

    /** An Atom document naming one entry per path of the simulated site. */
    private String atom(String... paths) {
        StringBuilder entries = new StringBuilder();
        for (String path : paths) {
            entries.append("<entry><id>").append(base()).append(path).append("</id><title>Story ").append(path)
                    .append("</title><link href=\"").append(base()).append(path)
                    .append("\"/><updated>2026-11-20T08:00:00Z</updated></entry>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Pushed</title>"
                + "<id>" + feedUrl + "</id><updated>2026-11-20T08:00:00Z</updated>" + entries + "</feed>";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Subscription subscription() {
        return store.subscriptions().subscription(sourceId, feedUrl).orElseThrow();
    }

    /** Polls the feed (the tracker discovers the hub) and sends the subscription request. */
    private SimHub.Subscriber subscribe() {
        tracker.pollOnce(false);
        assertThat(subscription().state()).isEqualTo(Subscription.State.NEW);
        assertThat(subscription().topic()).isEqualTo(feedUrl);
        assertThat(webSub.maintain()).isEqualTo(1);
        return hub.subscribers().getFirst();
    }

    @Test
    void discoverSubscribeVerifyAndASignedPushIngestsAtOnceWhileBadSignaturesAreIgnored() {
        SimHub.Subscriber sub = subscribe();
        Map<String, String> request = hub.requests().getFirst();
        assertThat(request).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", feedUrl)
                .containsEntry("hub.lease_seconds", Long.toString(Duration.ofDays(7).toSeconds()));
        assertThat(request.get("hub.callback")).isEqualTo(webSub.callbackUrl(subscription()))
                .startsWith("http://127.0.0.1:" + server.port() + "/websub/");
        assertThat(request.get("hub.secret")).hasSize(64).isEqualTo(subscription().secret());
        assertThat(hub.lastVerification()).startsWith("200 ");
        Subscription active = subscription();
        assertThat(active.state()).isEqualTo(Subscription.State.ACTIVE);
        assertThat(active.leaseSeconds()).isEqualTo(3600);
        assertThat(active.leaseUntil()).isEqualTo(T0.plusSeconds(3600));
        assertThat(active.summary(clock.instant())).isEqualTo("active, lease until 2026-11-20T09:00:00Z");
        assertThat(hub.get("http://127.0.0.1:" + server.port() + "/sources", Map.of()))
                .contains("WebSub push via <span class=\"url\">" + hub.url() + "</span>: active, lease until 2026-11-20T09:00:00Z; 0 received");

        // a verification for a topic or mode we never asked for is refused
        assertThat(hub.get(sub.callback(), Map.of("hub.mode", "subscribe", "hub.topic", base() + "/other",
                "hub.challenge", "x", "hub.lease_seconds", "60"))).startsWith("404 ");
        assertThat(hub.get(sub.callback(), Map.of("hub.mode", "unsubscribe", "hub.topic", feedUrl,
                "hub.challenge", "x"))).startsWith("404 ");
        assertThat(hub.get(("http://127.0.0.1:" + server.port()) + "/websub/not-a-key", Map.of("hub.mode", "subscribe", "hub.topic",
                feedUrl, "hub.challenge", "x", "hub.lease_seconds", "60"))).startsWith("404 ");

        // a signed push: the new article is in the record at once, before any poll
        assertThat(hub.publish(sub, atom("/news/ferry"), "sha256")).isEqualTo(202);
        assertThat(store.articleByUrl(base() + "/news/ferry")).isPresent();
        // SHA-1 is what many hubs still sign with
        assertThat(hub.publish(sub, atom("/news/tide"), "sha1")).isEqualTo(202);
        assertThat(store.articleByUrl(base() + "/news/tide")).isPresent();

        // forged (another key), tampered and unsigned pushes are acknowledged (§7.1.2) and ignored
        String forged = atom("/news/forged");
        assertThat(hub.push(sub, forged.getBytes(), HubSignature.sign("sha256", "not-the-secret", forged.getBytes()))).isEqualTo(202);
        assertThat(hub.push(sub, atom("/news/tampered").getBytes(), HubSignature.sign("sha256", sub.secret(),
                atom("/news/ferry").getBytes()))).isEqualTo(202);
        assertThat(hub.push(sub, atom("/news/unsigned").getBytes(), null)).isEqualTo(202);
        assertThat(hub.push(sub, atom("/news/md5").getBytes(), "md5=00")).isEqualTo(202);
        for (String path : List.of("/news/forged", "/news/tampered", "/news/unsigned", "/news/md5")) {
            assertThat(store.articleByUrl(base() + path)).as(path).isEmpty();
        }
        assertThat(subscription().pushes()).isEqualTo(2);
        assertThat(subscription().refused()).isEqualTo(4);
        assertThat(subscription().lastPush()).isEqualTo(T0);
        // the JSON API says how push stands, without the capability parts (callback key, secret)
        assertThat(hub.get("http://127.0.0.1:" + server.port() + "/api/sources", Map.of()))
                .startsWith("200 ").contains("\"verdict\":").contains("\"push\":[{\"feed\":\"" + feedUrl + "\"")
                .contains("\"state\":\"active\",\"pushing\":true").contains("\"pushes\":2,\"refused\":4")
                .doesNotContain(subscription().secret()).doesNotContain(subscription().callbackKey());
        // a callback no subscription has: 410, so the hub drops it
        assertThat(hub.push(new SimHub.Subscriber(("http://127.0.0.1:" + server.port()) + "/websub/gone", feedUrl, "k"),
                forged.getBytes(), null)).isEqualTo(410);
    }

    @Test
    void theLeaseIsRenewedBeforeItEndsAndPollingGoesOn() {
        subscribe();
        Instant firstLease = subscription().leaseUntil();
        assertThat(subscription().nextAction()).isEqualTo(firstLease.minusSeconds(360)); // a tenth of the lease left
        clock.advance(Duration.ofSeconds(3000));
        assertThat(webSub.maintain()).isZero();
        assertThat(hub.requests()).hasSize(1);
        clock.advance(Duration.ofSeconds(300)); // 5 minutes before the end
        assertThat(webSub.maintain()).isEqualTo(1);
        assertThat(hub.requests()).hasSize(2);
        assertThat(hub.requests().getLast()).containsEntry("hub.mode", "subscribe");
        assertThat(subscription().state()).isEqualTo(Subscription.State.ACTIVE);
        assertThat(subscription().leaseUntil()).isEqualTo(clock.instant().plusSeconds(3600)).isAfter(firstLease);
        // pushed or not, the feed is still polled on its schedule
        assertThat(tracker.pollOnce(false).feedsPolled()).isEqualTo(1);
        // and the hub's own content distribution (the feed it fetched) goes through
        assertThat(hub.publishAll()).isEqualTo(1);
        assertThat(subscription().pushes()).isEqualTo(1);
        assertThat(subscription().refused()).isZero();
        assertThat(hub.publishAll()).as("unchanged: not pushed again").isZero();
    }

    @Test
    void removingASourceUnsubscribesAtItsHubOnTheOldCallback() {
        SimHub.Subscriber sub = subscribe();
        assertThat(hub.subscribers()).hasSize(1);
        String callbackKey = subscription().callbackKey();
        assertThat(store.removeSource(sim.sites().getFirst().name())).isTrue();
        assertThat(store.subscriptions().subscriptions()).isEmpty();
        assertThat(store.subscriptions().dueDepartures(clock.instant(), 10)).singleElement()
                .satisfies(d -> assertThat(d.callbackKey()).isEqualTo(callbackKey));

        assertThat(webSub.maintain()).isEqualTo(1);
        assertThat(hub.requests().getLast()).containsEntry("hub.mode", "unsubscribe").containsEntry("hub.topic", feedUrl)
                .containsEntry("hub.callback", sub.callback()).doesNotContainKey("hub.secret");
        assertThat(hub.lastVerification()).startsWith("200 ");
        assertThat(hub.subscribers()).isEmpty();
        assertThat(store.subscriptions().departureByCallback(callbackKey)).isEmpty();
        assertThat(webSub.maintain()).isZero();
        // once confirmed, the callback answers nothing: no renewal verifies, a push gets 410
        assertThat(hub.get(sub.callback(), Map.of("hub.mode", "unsubscribe", "hub.topic", feedUrl, "hub.challenge", "x")))
                .startsWith("404 ");
        assertThat(hub.push(sub, atom("/news/late").getBytes(), null)).isEqualTo(410);
    }

    @Test
    void aRemovedSourcesUnsubscriptionTheHubNeverVerifiesIsTriedThreeTimesThenDropped() {
        SimHub.Subscriber sub = subscribe();
        store.removeSource(sim.sites().getFirst().name());
        hub.deny("no");
        for (int tries = 1; tries <= 3; tries++) {
            assertThat(webSub.maintain()).as("try %d is accepted, then never verified", tries).isEqualTo(1);
            assertThat(store.subscriptions().departureByCallback(sub.callback().substring(sub.callback().lastIndexOf('/') + 1)))
                    .get().satisfies(d -> assertThat(d.nextAction()).isEqualTo(clock.instant().plus(WebSub.VERIFY_WAIT)));
            // a verification of anything but the unsubscription is refused meanwhile
            assertThat(hub.get(sub.callback(), Map.of("hub.mode", "subscribe", "hub.topic", feedUrl,
                    "hub.challenge", "x", "hub.lease_seconds", "60"))).startsWith("404 ");
            assertThat(webSub.maintain()).isZero();
            clock.advance(WebSub.VERIFY_WAIT);
        }
        assertThat(hub.requests()).filteredOn(r -> "unsubscribe".equals(r.get("hub.mode"))).hasSize(3);
        assertThat(webSub.maintain()).isZero();
        assertThat(store.subscriptions().dueDepartures(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void aDenialIsRetriedWithBackOffAndAFeedThatStopsNamingTheHubIsUnsubscribed() {
        hub.deny("topic not allowed\non this hub");
        tracker.pollOnce(false);
        assertThat(webSub.maintain()).isEqualTo(1); // accepted with 202, then denied
        Subscription denied = subscription();
        assertThat(denied.state()).isEqualTo(Subscription.State.DENIED);
        assertThat(denied.lastError()).isEqualTo("denied by the hub: topic not allowed on this hub");
        assertThat(denied.nextAction()).isEqualTo(T0.plusSeconds(30));
        assertThat(webSub.maintain()).isZero();
        hub.deny(null);
        clock.advance(Duration.ofSeconds(30));
        assertThat(webSub.maintain()).isEqualTo(1);
        assertThat(subscription().state()).isEqualTo(Subscription.State.ACTIVE);
        assertThat(subscription().failures()).isZero();

        sim.advertiseHub(null);
        clock.advance(Duration.ofMinutes(10));
        tracker.pollOnce(false);
        assertThat(hub.requests().getLast()).containsEntry("hub.mode", "unsubscribe").doesNotContainKey("hub.secret");
        assertThat(hub.lastVerification()).startsWith("200 ");
        assertThat(hub.subscribers()).isEmpty();
        assertThat(store.subscriptions().subscriptions()).isEmpty();
    }

    @Test
    void hubsOnPrivateAddressesAreRefusedUnlessAllowedAndTheRequestIsRetried() {
        WebSub strict = new WebSub(store.subscriptions(), services.discovery(), clock, NetworkRanges.NONE,
                "http://127.0.0.1:" + server.port());
        tracker.onFeedRead(strict::discovered);
        tracker.pollOnce(false);
        assertThat(strict.maintain()).isZero();
        Subscription s = subscription();
        assertThat(hub.requests()).isEmpty();
        assertThat(s.state()).isEqualTo(Subscription.State.NEW);
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.lastError()).contains("refusing to subscribe at").contains("loopback");
        assertThat(s.nextAction()).isEqualTo(T0.plusSeconds(30));
        assertThat(s.summary(clock.instant())).isEqualTo("failed 1×; next try 2026-11-20T08:00:30Z");
    }
}
