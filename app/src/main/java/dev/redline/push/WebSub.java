package dev.redline.push;

import dev.redline.feed.Feed;
import dev.redline.feed.FeedException;
import dev.redline.feed.FeedReader;
import dev.redline.feed.HubLinks;
import dev.redline.fetch.AddressGuard;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.NetworkRanges;
import dev.redline.ingest.Discovery;
import dev.redline.store.Departure;
import dev.redline.store.FeedTask;
import dev.redline.store.Subscription;
import dev.redline.store.Subscription.State;
import dev.redline.store.SubscriptionStore;
import dev.redline.webhook.Webhooks;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSub's entry point, the subscriber side of the W3C Recommendation. A feed read by the tracker
 * that names a hub ({@link #discovered}) gets a subscription: {@link #maintain} sends the request
 * ({@code hub.mode=subscribe}, the topic, a callback under the configured base URL unique to the
 * subscription, {@code hub.lease_seconds}, a random {@code hub.secret}), the hub's verification GET is
 * answered by {@link #verify} (the challenge echoed only for a topic and mode we asked for, else
 * nothing: the web answers 404), and the lease it grants is renewed before it ends. A denial, a
 * failed request or a verification that never comes is retried with the webhooks' back-off.
 * {@link #receive} takes a content distribution: without a valid {@code X-Hub-Signature} it is
 * counted and ignored (§7.1.2 lets the subscriber acknowledge it all the same, which the web does,
 * so a forger learns nothing); with one the pushed feed's entries go to {@link Discovery#ingest}
 * at once. Hubs on private addresses are refused unless allowed, as for fetching; requests to hubs
 * follow no redirects (one could point past that guard). A feed that stops naming a hub is
 * unsubscribed, and so is every hub a removed source was subscribed at (its {@link Departure}s).
 * Polling is untouched: it stays the fallback. Thread-safe.
 */
public final class WebSub {
    private static final Logger log = LoggerFactory.getLogger(WebSub.class);
    /** The lease asked for; hubs grant what they like (§5.1). */
    static final Duration REQUESTED_LEASE = Duration.ofDays(7);
    /** How long a hub that accepted a request may take to verify it before the request is sent again. */
    static final Duration VERIFY_WAIT = Duration.ofMinutes(10);
    /** Unsubscriptions the hub never verifies are given up after this many tries (the lease lapses anyway). */
    private static final int MAX_UNSUBSCRIBE_TRIES = 3;
    /** The largest pushed feed read; a bigger one makes the feed due for polling instead. */
    public static final int MAX_PUSH_BYTES = 5 << 20;
    private static final int BATCH = 50;

    private final SubscriptionStore subscriptions;
    private final Discovery discovery;
    private final Clock clock;
    private final AddressGuard guard;
    private final String callbackBase;
    private final FeedReader feeds = new FeedReader();
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /** What {@link #receive} made of a content distribution. */
    public enum Received {
        /** Signed with the subscription's secret; its entries were ingested (or the feed made due). */
        INGESTED,
        /** No signature, a wrong one or an unknown method: ignored (but acknowledged). */
        IGNORED,
        /** No subscription has this callback. */
        UNKNOWN
    }

    /**
     * @param callbackBase the public base URL of {@code redline serve} ({@code --base-url}), which hubs must reach
     * @param allowed      non-public address ranges hubs may be on (as for fetching)
     */
    public WebSub(SubscriptionStore subscriptions, Discovery discovery, Clock clock, NetworkRanges allowed,
                  String callbackBase) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = new AddressGuard(allowed);
        this.callbackBase = Objects.requireNonNull(callbackBase, "callbackBase").replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The callback URL of a subscription: {@code BASE/websub/KEY}. */
    public String callbackUrl(Subscription s) {
        return callbackUrl(s.callbackKey());
    }

    private String callbackUrl(String callbackKey) {
        return callbackBase + "/websub/" + callbackKey;
    }

    /**
     * A feed was read and named these hub links (the tracker's listener): a new hub or topic gets a
     * subscription due now; a feed that no longer names a hub is unsubscribed. Never throws: push
     * is an extra, and a failure here must not fail the poll.
     */
    public void discovered(FeedTask feed, HubLinks links) {
        try {
            Optional<Subscription> known = subscriptions.subscription(feed.sourceId(), feed.url());
            Instant now = clock.instant();
            if (!links.offersPush()) {
                known.filter(s -> s.state() != State.UNSUBSCRIBING).ifPresent(this::unsubscribe);
                return;
            }
            String hub = links.hubs().getFirst();
            String topic = links.self() != null ? links.self() : feed.url();
            if (known.isEmpty()) {
                subscriptions.addSubscription(feed.sourceId(), feed.url(), hub, topic, randomHex(16), randomHex(32), now);
                log.info("source {}: feed {} names WebSub hub {}; subscribing", feed.sourceName(), feed.url(), hub);
            } else if (!known.get().hub().equals(hub) || !known.get().topic().equals(topic)) {
                Subscription s = known.get();
                subscriptions.updateSubscription(with(s, hub, topic, State.NEW, null, null, now, 0, null), s.state());
            }
        } catch (RuntimeException e) {
            log.warn("WebSub discovery for feed {} failed; it is polled as before", feed.url(), e);
        }
    }

    /** Sends every due request (subscriptions, renewals, retries, unsubscriptions); returns how many hubs accepted one. */
    public int maintain() {
        int accepted = 0;
        Instant now = clock.instant();
        for (Subscription s : subscriptions.dueSubscriptions(now, BATCH)) {
            boolean ok = switch (s.state()) {
                case NEW, DENIED -> request(s, State.REQUESTED, "subscribe");
                // a renewal while the lease runs (pushes go on meanwhile); after it ended, a new subscription
                case ACTIVE -> request(s, s.pushing(now) ? State.ACTIVE : State.REQUESTED, "subscribe");
                case REQUESTED -> {
                    failed(s, "the hub accepted the request but did not verify it within " + VERIFY_WAIT.toMinutes() + " minutes");
                    yield false;
                }
                case UNSUBSCRIBING -> {
                    if (s.failures() >= MAX_UNSUBSCRIBE_TRIES) {
                        subscriptions.removeSubscription(s.id()); // never verified: the hub's lease lapses on its own
                        yield false;
                    }
                    yield request(with(s, s.hub(), s.topic(), s.state(), s.leaseSeconds(), s.leaseUntil(), s.nextAction(),
                            s.failures() + 1, s.lastError()), State.UNSUBSCRIBING, "unsubscribe");
                }
            };
            accepted += ok ? 1 : 0;
        }
        for (Departure d : subscriptions.dueDepartures(now, BATCH)) {
            accepted += depart(d, now) ? 1 : 0;
        }
        return accepted;
    }

    /**
     * Asks the hub of a removed source's subscription to stop pushing; the departure goes once the
     * hub verifies it ({@link #verify}), or after a few unverified tries (the lease lapses anyway).
     */
    private boolean depart(Departure d, Instant now) {
        if (d.tries() >= MAX_UNSUBSCRIBE_TRIES) {
            subscriptions.removeDeparture(d.id());
            return false;
        }
        if (!subscriptions.claimDeparture(d, now.plus(VERIFY_WAIT))) {
            return false; // another process sent it
        }
        String error;
        try {
            error = post(d.hub(), form("unsubscribe", d.topic(), d.callbackKey(), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // due again after VERIFY_WAIT
        }
        if (error != null) {
            Instant next = now.plus(Webhooks.backoff(d.tries() + 1));
            log.info("WebSub unsubscription of removed source's topic {} at {} failed (try {}): {}; next try {}",
                    d.topic(), d.hub(), d.tries() + 1, error, next);
            subscriptions.departureFailed(d.id(), next, error);
        }
        return error == null;
    }

    /** Asks the hub to stop pushing; the subscription goes once the hub verifies it (or after a few tries). */
    public void unsubscribe(Subscription s) {
        Subscription leaving = with(s, s.hub(), s.topic(), State.UNSUBSCRIBING, s.leaseSeconds(), s.leaseUntil(),
                clock.instant(), 0, null);
        if (subscriptions.updateSubscription(leaving, s.state())) {
            request(leaving, State.UNSUBSCRIBING, "unsubscribe");
        }
    }

    /**
     * Sends one request to the hub: marks the subscription {@code marked} (waiting for the hub's
     * verification, or retried after {@link #VERIFY_WAIT}) before sending, so a hub that verifies
     * before it answers finds it pending; a refusal or no answer is a failure with back-off.
     */
    private boolean request(Subscription s, State marked, String mode) {
        Instant now = clock.instant();
        Subscription waiting = with(s, s.hub(), s.topic(), marked, s.leaseSeconds(), s.leaseUntil(), now.plus(VERIFY_WAIT),
                s.failures(), s.lastError());
        if (!subscriptions.updateSubscription(waiting, s.state())) {
            return false; // another process or a verification got there first
        }
        String error;
        try {
            error = post(s.hub(), form(mode, s.topic(), s.callbackKey(), mode.equals("subscribe") ? s.secret() : null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // due again after VERIFY_WAIT
        }
        if (error != null) {
            failed(waiting, error);
        }
        return error == null;
    }

    /** A request's form: a subscription's also names the lease asked for and the secret. */
    private Map<String, String> form(String mode, String topic, String callbackKey, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", mode);
        form.put("hub.topic", topic);
        form.put("hub.callback", callbackUrl(callbackKey));
        if (secret != null) {
            form.put("hub.lease_seconds", Long.toString(REQUESTED_LEASE.toSeconds()));
            form.put("hub.secret", secret);
        }
        return form;
    }

    /** Posts a request to a hub; null when it was accepted (2xx), else what went wrong. */
    private String post(String hubUrl, Map<String, String> form) throws InterruptedException {
        try {
            URI hub = URI.create(hubUrl);
            guard.check(hub);
            HttpRequest post = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", "Redline-WebSub")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))))
                    .build();
            int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "the hub answered HTTP " + status + " to " + form.get("hub.mode");
        } catch (FetchException e) {
            return e.getMessage().replace("refusing to fetch", "refusing to " + form.get("hub.mode") + " at");
        } catch (IllegalArgumentException | IOException e) {
            return "cannot reach hub " + hubUrl + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Records a failure of {@code s} (as stored) and schedules the retry after back-off. */
    private void failed(Subscription s, String error) {
        failed(s, s.state() == State.REQUESTED ? State.NEW : s.state(), error);
    }

    private void failed(Subscription s, State retry, String error) {
        int failures = s.failures() + 1;
        Instant next = clock.instant().plus(Webhooks.backoff(failures));
        log.info("WebSub {} at {} for {} failed (try {}): {}; next try {}", s.state() == State.UNSUBSCRIBING
                ? "unsubscription" : "subscription", s.hub(), s.topic(), failures, error, next);
        boolean keepLease = retry != State.DENIED;
        subscriptions.updateSubscription(with(s, s.hub(), s.topic(), retry, keepLease ? s.leaseSeconds() : null,
                keepLease ? s.leaseUntil() : null, next, failures, error), s.state());
    }

    /**
     * Answers a hub's GET on a callback (§5.3): for a subscribe or unsubscribe of the topic we asked
     * for, the challenge to echo (and the lease is recorded, or the subscription removed); for a
     * denial (§5.2) an empty answer, with a retry after back-off. Empty when the callback, topic or
     * mode is none we asked for: the web answers 404.
     */
    public Optional<String> verify(String callbackKey, Map<String, String> params) {
        Subscription s = subscriptions.subscriptionByCallback(callbackKey).orElse(null);
        String mode = params.getOrDefault("hub.mode", "");
        String challenge = params.get("hub.challenge");
        if (s == null) {
            // a removed source's unsubscription is the one thing its callback still confirms
            return subscriptions.departureByCallback(callbackKey)
                    .filter(d -> mode.equals("unsubscribe") && challenge != null && d.topic().equals(params.get("hub.topic")))
                    .filter(d -> subscriptions.removeDeparture(d.id())).map(d -> challenge);
        }
        if (!s.topic().equals(params.get("hub.topic"))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        switch (mode) {
            case "subscribe" -> {
                Long lease = leaseSeconds(params.get("hub.lease_seconds"));
                if (challenge == null || lease == null || (s.state() != State.REQUESTED && s.state() != State.ACTIVE)) {
                    return Optional.empty();
                }
                Instant until = now.plusSeconds(lease);
                Subscription active = with(s, s.hub(), s.topic(), State.ACTIVE, lease, until, renewalTime(now, until), 0, null);
                return subscriptions.updateSubscription(active, s.state()) ? Optional.of(challenge) : Optional.empty();
            }
            case "unsubscribe" -> {
                return challenge != null && s.state() == State.UNSUBSCRIBING && subscriptions.removeSubscription(s.id())
                        ? Optional.of(challenge) : Optional.empty();
            }
            case "denied" -> {
                if (s.state() == State.UNSUBSCRIBING) {
                    return Optional.empty();
                }
                String reason = params.get("hub.reason");
                failed(s, State.DENIED, "denied by the hub" + (reason == null || reason.isBlank() ? "" : ": " + abbreviate(reason)));
                return Optional.of("");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * Takes a content distribution (§7): the body is the topic's new content. Signed correctly, its
     * entries are ingested at once (an empty or unreadable body makes the feed due for polling);
     * otherwise it is counted as refused and nothing else happens.
     *
     * @param signature   the {@code X-Hub-Signature} header, or null
     * @param body        the raw body, at most {@link #MAX_PUSH_BYTES} (longer ones: pass null)
     * @param contentType the Content-Type header, or null
     */
    public Received receive(String callbackKey, String signature, byte[] body, String contentType) {
        Subscription s = subscriptions.subscriptionByCallback(callbackKey).orElse(null);
        if (s == null) {
            return Received.UNKNOWN;
        }
        Instant now = clock.instant();
        // an oversized body cannot be checked; treat it like an unsigned one so it proves nothing
        if (body == null || !HubSignature.valid(signature, body, s.secret())) {
            subscriptions.recordPush(s.id(), now, false);
            log.info("WebSub push to subscription {} ({}) ignored: {}", s.id(), s.topic(),
                    body == null ? "larger than " + MAX_PUSH_BYTES + " bytes" : signature == null ? "no X-Hub-Signature" : "bad X-Hub-Signature");
            if (body == null) {
                subscriptions.pollFeedAt(s.sourceId(), s.feedUrl(), now);
            }
            return Received.IGNORED;
        }
        subscriptions.recordPush(s.id(), now, true);
        try {
            Feed feed = feeds.read(body, contentType, s.topic());
            int added = discovery.ingest(s.sourceId(), feed.entries());
            log.info("WebSub push for {}: {} entries, {} new articles", s.topic(), feed.entries().size(), added);
        } catch (FeedException e) {
            // a ping without content, or content we cannot read: the feed itself is polled now
            subscriptions.pollFeedAt(s.sourceId(), s.feedUrl(), now);
        }
        return Received.INGESTED;
    }

    /** Renew when a tenth of the lease is left (at least a minute before it ends). */
    static Instant renewalTime(Instant verified, Instant until) {
        Duration margin = Duration.between(verified, until).dividedBy(10);
        return until.minus(margin.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : margin);
    }

    private static Long leaseSeconds(String value) {
        try {
            long lease = Long.parseLong(value == null ? "" : value.strip());
            return lease > 0 ? lease : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Subscription with(Subscription s, String hub, String topic, State state, Long leaseSeconds,
                                     Instant leaseUntil, Instant nextAction, int failures, String lastError) {
        return new Subscription(s.id(), s.sourceId(), s.feedUrl(), hub, topic, s.callbackKey(), s.secret(), state,
                leaseSeconds, leaseUntil, nextAction, failures, lastError, s.lastPush(), s.pushes(), s.refused());
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
