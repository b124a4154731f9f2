package dev.redline.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;

/**
 * Redline's one way to the web: a polite, defensive HTTP GET.
 *
 * <ul>
 *   <li>every hop (including each redirect and each robots.txt fetch, followed by hand up to a cap) is
 *       checked against the {@link AddressGuard} after DNS resolution and against robots.txt
 *       (RFC 9309, cached per host);</li>
 *   <li>at most one request at a time per host, spaced by {@link FetchConfig#hostDelay()} through
 *       {@link HostSlots} (the store's shared slots when several workers run);</li>
 *   <li>conditional GET, gzip, a body-size cap that aborts the stream, one timeout per exchange;</li>
 *   <li>each exchange archived as WARC request + response records when an archive is given.</li>
 * </ul>
 * Thread-safe: one instance serves all workers of a process. Time comes from the injected clock
 * and waits go through the injected {@link Sleeper}; network timeouts are wall-clock. Call it from
 * threads of your own, not from {@code ForkJoinPool.commonPool()}: on a small machine that pool has
 * one worker, and blocking it starves the HTTP client's completion stages until the timeout.
 *
 * <p>DNS rebinding: the address check that counts runs right before each exchange, after robots.txt,
 * the per-host lock and the politeness wait, so a name cannot answer public when checked and private
 * seconds later when connected. A small window remains: the HTTP client resolves the name again to
 * connect. That lookup normally hits the JDK's address cache the check has just filled (30 s TTL),
 * so only an entry that expires between check and connect, microseconds apart, can still be swapped.
 * Closing it fully would mean connecting to the checked address itself, which {@code java.net.http}
 * cannot do for https without a process-wide {@code InetAddressResolverProvider}.
 */
public final class Fetcher implements AutoCloseable {
    private static final Duration ROBOTS_TTL = Duration.ofHours(24);
    /** An unreachable robots.txt is asked again this soon, so tracking resumes soon after an outage. */
    private static final Duration ROBOTS_ERROR_TTL = Duration.ofMinutes(10);
    private static final int ROBOTS_MAX_REDIRECTS = 5;

    private final FetchConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HostSlots slots;
    private final WarcArchive archive;
    private final AddressGuard guard;
    private final HttpClient client;
    private final ConcurrentHashMap<String, ReentrantLock> hostLocks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReentrantLock> robotsLocks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CachedRobots> robots = new ConcurrentHashMap<>();

    /** @param unreachable why robots.txt could not be read (a 5xx, no answer), or null when it was */
    private record CachedRobots(BaseRobotRules rules, Instant expires, String unreachable) {
        CachedRobots(BaseRobotRules rules, Instant expires) {
            this(rules, expires, null);
        }
    }

    private record Hop(URI uri, int status, HttpResponse<byte[]> response, byte[] body, String captureRef,
                       Instant at) {
    }

    /**
     * @param slots   per-host request slots ({@code store::reserveHostSlot} or {@link InMemoryHostSlots})
     * @param archive where raw responses go, or null to archive nothing
     */
    public Fetcher(FetchConfig config, Clock clock, Sleeper sleeper, HostSlots slots, WarcArchive archive) {
        this(config, clock, sleeper, slots, archive, new AddressGuard(config.allowedNetworks()));
    }

    Fetcher(FetchConfig config, Clock clock, Sleeper sleeper, HostSlots slots, WarcArchive archive,
            AddressGuard guard) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.slots = slots;
        this.archive = archive;
        this.guard = guard;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    /** A fetcher for one process without a store: in-memory host slots, real sleeping, no archive. */
    public static Fetcher standalone(FetchConfig config, Clock clock) {
        return new Fetcher(config, clock, Sleeper.REAL, new InMemoryHostSlots(), null);
    }

    public FetchConfig config() {
        return config;
    }

    /** Plain GET. */
    public FetchResult fetch(URI uri) throws FetchException {
        return fetch(uri, Validators.NONE);
    }

    /**
     * GET with redirects followed; a 304 answer to the validators comes back as a result with
     * {@link FetchResult#notModified()}. Error statuses (404, 500) are results, not exceptions;
     * exceptions mean no usable response (blocked, disallowed, too large, timeout, network).
     */
    public FetchResult fetch(URI uri, Validators validators) throws FetchException {
        Hop last = follow(uri, validators, true, config.maxRedirects());
        HttpResponse<byte[]> r = last.response();
        return new FetchResult(uri, last.uri(), last.status(), r.headers().firstValue("content-type").orElse(null),
                last.body(), r.headers().firstValue("etag").orElse(null),
                r.headers().firstValue("last-modified").orElse(null), last.captureRef(), last.at(),
                r.headers().allValues("link"));
    }

    /** Whether robots.txt of the URL's host lets Redline fetch it (fetching robots.txt if not cached). */
    public boolean allowedByRobots(URI uri) throws FetchException {
        return robotsFor(uri).isAllowed(uri.toString());
    }

    private Hop follow(URI start, Validators validators, boolean content, int maxRedirects) throws FetchException {
        URI uri = start;
        for (int hops = 0; ; hops++) {
            Hop hop = hop(uri, hops == 0 ? validators : Validators.NONE, content);
            int status = hop.status();
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            if (!redirect) {
                return hop;
            }
            if (hops >= maxRedirects) {
                throw new FetchException(FetchException.Reason.BAD_REDIRECT, start,
                        "more than " + maxRedirects + " redirects fetching " + start);
            }
            String location = hop.response().headers().firstValue("location").orElseThrow(() ->
                    new FetchException(FetchException.Reason.BAD_REDIRECT, hop.uri(),
                            "redirect " + status + " without Location from " + hop.uri()));
            try {
                uri = hop.uri().resolve(new URI(location.trim().replace(" ", "%20")));
            } catch (URISyntaxException e) {
                throw new FetchException(FetchException.Reason.BAD_REDIRECT, hop.uri(),
                        "malformed redirect Location '" + location + "' from " + hop.uri(), e);
            }
        }
    }

    /**
     * One request: address check, robots check, politeness, address check again, exchange. The first
     * check refuses early with the URL asked for (not its robots.txt); the second, after every wait,
     * is the one that guards the connection (see the class comment on DNS rebinding).
     */
    private Hop hop(URI uri, Validators validators, boolean content) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Reason.UNSUPPORTED_URL, uri, "not an http(s) URL: " + uri);
        }
        guard.check(uri);
        if (content) {
            checkRobots(uri);
        }
        String host = hostKey(uri);
        ReentrantLock lock = hostLocks.computeIfAbsent(host, h -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.NETWORK, uri, "interrupted waiting for " + host, e);
        }
        try {
            waitForSlot(host, uri);
            guard.check(uri);
            return exchange(uri, validators, content);
        } finally {
            lock.unlock();
        }
    }

    private void waitForSlot(String host, URI uri) throws FetchException {
        if (config.hostDelay().isZero()) {
            return; // no spacing asked for: a slot would always be now, and reserving it costs a store write
        }
        Instant slot = slots.reserve(host, clock.instant(), config.hostDelay());
        Duration wait = Duration.between(clock.instant(), slot);
        if (wait.isPositive()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Reason.NETWORK, uri, "interrupted waiting for " + host, e);
            }
        }
    }

    private Hop exchange(URI uri, Validators validators, boolean archiveIt) throws FetchException {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"User-Agent", config.userAgent()});
        headers.add(new String[] {"Accept-Encoding", "gzip"});
        headers.add(new String[] {"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"});
        if (validators.etag() != null) {
            headers.add(new String[] {"If-None-Match", validators.etag()});
        }
        if (validators.lastModified() != null) {
            headers.add(new String[] {"If-Modified-Since", validators.lastModified()});
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(config.timeout());
        headers.forEach(h -> request.header(h[0], h[1]));
        var future = client.sendAsync(request.build(), info -> new CappedBodySubscriber(config.maxBodyBytes()));
        HttpResponse<byte[]> response;
        try {
            response = future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(uri, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.NETWORK, uri, "interrupted fetching " + uri, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof CappedBodySubscriber.TooLarge)
                    && !(cause instanceof HttpTimeoutException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof CappedBodySubscriber.TooLarge) {
                throw tooLarge(uri);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timeout(uri, cause);
            }
            throw new FetchException(FetchException.Reason.NETWORK, uri,
                    "network error fetching " + uri + ": " + describe(e.getCause()), e.getCause());
        }
        Instant at = clock.instant();
        byte[] raw = response.body();
        byte[] body = decode(uri, raw, response.headers().firstValue("content-encoding").orElse(""));
        String captureRef = archive != null && archiveIt
                ? archive.archive(uri, headers, response.statusCode(), response.headers().map(), raw)
                : null;
        return new Hop(uri, response.statusCode(), response, body, captureRef, at);
    }

    private byte[] decode(URI uri, byte[] raw, String encoding) throws FetchException {
        String enc = encoding.trim().toLowerCase(Locale.ROOT);
        if (enc.isEmpty() || enc.equals("identity")) {
            return raw;
        }
        if (!enc.equals("gzip") && !enc.equals("x-gzip")) {
            throw new FetchException(FetchException.Reason.NETWORK, uri,
                    "unsupported Content-Encoding '" + encoding + "' from " + uri);
        }
        // a small gzip body can expand enormously, so the cap applies to the decoded size too
        try (var in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes() + 1));
            if (decoded.length > config.maxBodyBytes()) {
                throw tooLarge(uri);
            }
            return decoded;
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.NETWORK, uri, "corrupt gzip body from " + uri, e);
        }
    }

    /**
     * Refuses a URL robots.txt disallows. An unreachable robots.txt (RFC 9309 §2.3.1.4) disallows
     * everything only for now: that refusal is {@link FetchException.Reason#ROBOTS_UNREACHABLE}, a
     * temporary failure, never a disallow.
     */
    private void checkRobots(URI uri) throws FetchException {
        CachedRobots robots = robotsEntry(uri);
        if (robots.unreachable() != null) {
            throw new FetchException(FetchException.Reason.ROBOTS_UNREACHABLE, uri, "robots.txt of "
                    + uri.getAuthority() + " is unreachable (" + robots.unreachable() + "); will retry");
        }
        if (!robots.rules().isAllowed(uri.toString())) {
            throw new FetchException(FetchException.Reason.ROBOTS_DISALLOWED, uri,
                    "robots.txt of " + uri.getAuthority() + " disallows " + uri);
        }
    }

    private BaseRobotRules robotsFor(URI uri) throws FetchException {
        return robotsEntry(uri).rules();
    }

    private CachedRobots robotsEntry(URI uri) throws FetchException {
        String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostKey(uri);
        CachedRobots cached = robots.get(key);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached;
        }
        ReentrantLock lock = robotsLocks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            cached = robots.get(key);
            if (cached != null && clock.instant().isBefore(cached.expires())) {
                return cached;
            }
            cached = fetchRobots(key);
            robots.put(key, cached);
            return cached;
        } finally {
            lock.unlock();
        }
    }

    /** RFC 9309: 2xx parsed; 4xx (unavailable) allows everything; 5xx or no answer (unreachable) disallows everything. */
    private CachedRobots fetchRobots(String origin) throws FetchException {
        URI robotsUri = URI.create(origin + "/robots.txt");
        var parser = new SimpleRobotRulesParser();
        Instant now = clock.instant();
        Hop hop;
        try {
            hop = follow(robotsUri, Validators.NONE, false, ROBOTS_MAX_REDIRECTS);
        } catch (FetchException e) {
            if (e.reason() == FetchException.Reason.BLOCKED_ADDRESS) {
                throw e;
            }
            return new CachedRobots(parser.failedFetch(503), now.plus(ROBOTS_ERROR_TTL), e.getMessage());
        }
        int status = hop.status();
        if (status >= 200 && status < 300) {
            BaseRobotRules rules = parser.parseContent(robotsUri.toString(), hop.body(),
                    hop.response().headers().firstValue("content-type").orElse("text/plain"),
                    List.of(config.robotName()));
            return new CachedRobots(rules, now.plus(ROBOTS_TTL));
        }
        if (status >= 400 && status < 500) {
            return new CachedRobots(parser.failedFetch(404), now.plus(ROBOTS_TTL));
        }
        return new CachedRobots(parser.failedFetch(status >= 500 ? status : 503), now.plus(ROBOTS_ERROR_TTL),
                "HTTP " + status);
    }

    /** Politeness and robots key: host plus port when not the scheme's default. */
    static String hostKey(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? host : host + ":" + port;
    }

    private FetchException tooLarge(URI uri) {
        return new FetchException(FetchException.Reason.TOO_LARGE, uri,
                "body of " + uri + " is larger than the " + config.maxBodyBytes() + "-byte cap");
    }

    private FetchException timeout(URI uri, Throwable cause) {
        return new FetchException(FetchException.Reason.TIMEOUT, uri,
                "no complete response from " + uri + " within " + config.timeout().toMillis() + " ms", cause);
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown" : t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Waits until every response archived so far is on disk (before committing versions that point at them). */
    public void flushArchive() {
        if (archive != null) {
            archive.flush();
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        if (archive != null) {
            archive.close();
        }
    }
}
