package dev.redline.webhook;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.SplitText;
import dev.redline.fetch.AddressGuard;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.NetworkRanges;
import dev.redline.ingest.Recording;
import dev.redline.ingest.VersionAnalyser;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.Delivery;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.store.Watch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks' entry point. As an analyser on the recording path ({@link #analyse}: it runs after a
 * tracked version is stored; imported versions are history, not news) it queues one delivery per
 * matching watch in the store's outbox, with the payload fixed then; {@link #deliverDue} POSTs the due ones. Each POST carries
 * {@code X-Redline-Signature: sha256=HEX}, the HMAC-SHA256 of the body under the watch's secret,
 * {@code X-Redline-Event: version} and {@code X-Redline-Delivery: ID}. A 2xx answer delivers;
 * anything else is retried after 30 s, 1, 2, 4 … minutes (doubling, at most 6 hours), and given up
 * after {@link #MAX_ATTEMPTS} tries; every attempt is logged. Receivers on private addresses are
 * refused unless allowed, as for fetching. Versions 0 (a new article) and cosmetic versions are not
 * sent. Due deliveries are claimed with a lease in the store, so several deliverers (threads, or
 * {@code redline serve} processes on one PostgreSQL) never send the same delivery at once; a
 * deliverer that dies mid-way leaves its claims to expire after {@link #LEASE}. Thread-safe.
 */
public final class Webhooks implements VersionAnalyser {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    public static final String SIGNATURE_HEADER = "X-Redline-Signature";
    public static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LAST_RETRY = Duration.ofHours(6);
    /** Deliveries claimed at once: sent one after another, each within 40 s, well inside the lease. */
    private static final int CLAIM = 10;
    private static final int MAX_CLAIMS_PER_CALL = 5;
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final int MAX_ERROR_CHARS = 300;

    private final Store store;
    private final Clock clock;
    private final AddressGuard guard;
    private final HttpClient http;
    /** This deliverer's lease owner name: process id and a random part, unique among processes. */
    private final String owner = "webhooks-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();

    /**
     * @param allowed non-public address ranges receivers may be on (as for fetching: {@code --allow-private-network},
     *                {@code --allow-network}); public ones always may
     */
    public Webhooks(Store store, Clock clock, NetworkRanges allowed) {
        this.store = store;
        this.clock = clock;
        this.guard = new AddressGuard(allowed);
        // No redirects: a receiver's redirect could point past the address guard.
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }


    /** A new random secret for a watch (256 bits, hex). */
    public static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /**
     * Checks a new receiver URL: http(s), with a host that does not resolve to a private address
     * (unless allowed); IllegalArgumentException if refused. A host that does not resolve yet is
     * accepted: every delivery checks again.
     */
    public void checkReceiver(String url) {
        check(url, true);
    }

    private void check(String url, boolean unresolvedOk) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a webhook URL must start with http:// or https://: " + url);
        }
        try {
            guard.check(uri);
        } catch (FetchException e) {
            if (!(unresolvedOk && e.reason() == FetchException.Reason.NETWORK)) {
                throw new IllegalArgumentException(e.getMessage().replace("refusing to fetch", "refusing to deliver to"));
            }
        }
    }

    /** Queues a delivery for each watch a tracked version matches (not version 0, not cosmetic ones). */
    @Override
    public void analyse(Recording recording) {
        Version v = recording.version();
        if (recording.origin() != Recording.Origin.TRACKED || recording.previous() == null || v.boring()) {
            return;
        }
        List<Watch> watches = store.watches().watches();
        if (watches.isEmpty()) {
            return;
        }
        Article article = store.article(v.articleId()).orElseThrow();
        String sourceName = store.sourceName(article.sourceId());
        Version previous = recording.previous();
        DiffResult diff = null;
        for (Watch w : watches) {
            if (matches(w, article, sourceName, v.text())) {
                if (diff == null) {
                    List<SplitText> split = store.splits().splits(List.of(previous, v));
                    diff = Diff.compare(split.get(0), split.get(1), previous.fetchedAt(), v.fetchedAt());
                }
                Payload payload = new Payload("version", new Payload.WatchRef(w.id(), w.kind(), w.target()),
                        new Payload.ArticleRef(article.id(), article.url(), v.text().title(), sourceName, article.status()),
                        new Payload.VersionRef(v.number(), previous.number(), v.fetchedAt(), v.text().title()),
                        diff);
                store.watches().enqueue(w.id(), v.id(), Json.write(payload), clock.instant());
            }
        }
    }

    static boolean matches(Watch w, Article article, String sourceName, ArticleText text) {
        return switch (w.kind()) {
            case ARTICLE -> w.target().equals(Long.toString(article.id()));
            case SOURCE -> w.target().equals(sourceName);
            case QUERY -> words(String.join(" ", text.title(), text.byline() == null ? "" : text.byline(),
                    String.join(" ", text.paragraphs()))).containsAll(words(w.target()));
        };
    }

    /** Lower-cased words (letters and digits), the unit a query watch matches on. */
    public static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * Tries every due delivery once, claiming a few at a time with a lease (so another deliverer on
     * the same database skips them); returns how many were delivered.
     */
    public int deliverDue() {
        int delivered = 0;
        for (int round = 0; round < MAX_CLAIMS_PER_CALL; round++) {
            List<Delivery> claimed = store.watches().claimDueDeliveries(clock.instant(), CLAIM, owner, LEASE);
            for (Delivery d : claimed) {
                if (attempt(d)) {
                    delivered++;
                }
            }
            if (claimed.size() < CLAIM) {
                break;
            }
        }
        return delivered;
    }

    private boolean attempt(Delivery d) {
        Watch w = store.watches().watch(d.watchId()).orElse(null);
        if (w == null) {
            return false; // removed meanwhile; its deliveries went with it
        }
        Integer status = null;
        String error = null;
        try {
            check(w.url(), false);
            HttpRequest request = HttpRequest.newBuilder(URI.create(w.url())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Redline-Webhooks")
                    .header("X-Redline-Event", "version")
                    .header("X-Redline-Delivery", Long.toString(d.id()))
                    .header(SIGNATURE_HEADER, "sha256=" + sign(w.secret(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (IllegalArgumentException | IOException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // not an attempt: it stays due
        }
        Instant now = clock.instant();
        boolean ok = error == null;
        Instant next = ok || d.attempts() + 1 >= MAX_ATTEMPTS ? null : now.plus(backoff(d.attempts() + 1));
        String logged = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_CHARS));
        store.watches().recordAttempt(d.id(), now, status, logged, ok, next);
        if (!ok) {
            log.info("webhook delivery {} to watch {} failed (attempt {}): {}{}", d.id(), w.id(), d.attempts() + 1, logged,
                    next == null ? "; given up" : "; next try " + next);
        }
        return ok;
    }

    /**
     * Wait before the try after {@code attempts} failures: 30 s doubling, at most 6 hours. Also the
     * back-off of WebSub's requests to hubs.
     */
    public static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    /** HMAC-SHA256 of the body under the secret, as lower-case hex (the value after {@code sha256=}). */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
