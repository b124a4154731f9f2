package dev.redline.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.redline.sim.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;

/** The fetcher against real HTTP servers on loopback. */
class FetcherTest {
    private HttpServer server;
    private String base;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> userAgents = Collections.synchronizedList(new ArrayList<>());
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T08:00:00Z"));
    private String robots = "User-agent: *\nDisallow: /private/\n";
    private int robotsStatus = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        handle("/robots.txt", ex -> send(ex, robotsStatus, "text/plain", robots.getBytes(StandardCharsets.UTF_8)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            requests.add(ex.getRequestURI().getPath());
            userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            try {
                handler.handle(ex);
            } catch (IOException closedByClient) {
                // the fetcher aborting a huge body closes the connection under us
            } finally {
                ex.close();
            }
        });
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private FetchConfig config() {
        return FetchConfig.defaults().withHostDelay(Duration.ZERO).withAllowPrivateNetwork(true)
                .withTimeout(Duration.ofSeconds(5));
    }

    private Fetcher fetcher(FetchConfig config) {
        return new Fetcher(config, clock, clock.sleeper(), new InMemoryHostSlots(), null);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    @Test
    void fetchesWithUserAgentAndDecodesGzip() throws Exception {
        byte[] html = "<html><body><p>Gzipped story</p></body></html>".getBytes(StandardCharsets.UTF_8);
        handle("/gz", ex -> {
            var buf = new ByteArrayOutputStream();
            try (var gz = new GZIPOutputStream(buf)) {
                gz.write(html);
            }
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "text/html; charset=utf-8", buf.toByteArray());
        });
        try (Fetcher f = fetcher(config())) {
            FetchResult r = f.fetch(uri("/gz"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(html);
            assertThat(r.text()).contains("Gzipped story");
        }
        assertThat(userAgents).allMatch(ua -> ua.startsWith("Redline/"));
        assertThat(requests).containsExactly("/robots.txt", "/gz");
    }

    @Test
    void refusesBodiesOverTheCap() {
        handle("/big", ex -> send(ex, 200, "text/html", new byte[300_000]));
        try (Fetcher f = fetcher(config().withMaxBodyBytes(100_000))) {
            assertThatThrownBy(() -> f.fetch(uri("/big"))).isInstanceOf(FetchException.class)
                    .hasMessageContaining("100000-byte cap")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
        }
    }

    @Test
    void abortsAnEndlessBody() {
        handle("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            byte[] chunk = "<p>more and more</p>".repeat(500).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1_000_000; i++) {
                out.write(chunk);
            }
        });
        try (Fetcher f = fetcher(config().withMaxBodyBytes(200_000))) {
            assertThatThrownBy(() -> f.fetch(uri("/endless")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
        }
    }

    @Test
    void refusesAGzipBombPastTheCap() {
        handle("/bomb", ex -> {
            var buf = new ByteArrayOutputStream();
            try (var gz = new GZIPOutputStream(buf)) {
                gz.write(new byte[5_000_000]);
            }
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "text/html", buf.toByteArray());
        });
        try (Fetcher f = fetcher(config().withMaxBodyBytes(1_000_000))) {
            assertThatThrownBy(() -> f.fetch(uri("/bomb")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
        }
    }

    @Test
    void timesOutASlowServer() {
        handle("/slow", ex -> {
            try {
                Thread.sleep(6000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/html", "late".getBytes(StandardCharsets.UTF_8));
        });
        // a second, not less: robots.txt is fetched first under the same timeout, and a loaded CI machine can take 300 ms for it
        try (Fetcher f = fetcher(config().withTimeout(Duration.ofMillis(1000)))) {
            assertThatThrownBy(() -> f.fetch(uri("/slow"))).hasMessageContaining("within 1000 ms")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TIMEOUT);
        }
    }

    @Test
    void followsRedirectsUpToTheCap() throws Exception {
        handle("/old", ex -> {
            ex.getResponseHeaders().set("Location", "/new?x=1");
            send(ex, 301, null, new byte[0]);
        });
        handle("/new", ex -> send(ex, 200, "text/html", "moved here".getBytes(StandardCharsets.UTF_8)));
        AtomicInteger loops = new AtomicInteger();
        handle("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop/" + loops.incrementAndGet());
            send(ex, 302, null, new byte[0]);
        });
        try (Fetcher f = fetcher(config().withMaxRedirects(3))) {
            FetchResult r = f.fetch(uri("/old"));
            assertThat(r.finalUri()).isEqualTo(uri("/new?x=1"));
            assertThat(r.text()).isEqualTo("moved here");
            assertThatThrownBy(() -> f.fetch(uri("/loop"))).hasMessageContaining("more than 3 redirects")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BAD_REDIRECT);
            assertThat(loops.get()).isEqualTo(4);
        }
    }

    @Test
    void refusesPrivateAddressesUnlessAllowed() {
        try (Fetcher f = fetcher(config().withAllowPrivateNetwork(false))) {
            assertThatThrownBy(() -> f.fetch(uri("/anything")))
                    .hasMessageContaining("loopback address 127.0.0.1").hasMessageContaining("--allow-private-network")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS);
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesARedirectToAPrivateAddress() throws Exception {
        handle("/to-metadata", ex -> {
            ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            send(ex, 302, null, new byte[0]);
        });
        handle("/to-private", ex -> {
            ex.getResponseHeaders().set("Location", "http://10.1.2.3/admin");
            send(ex, 307, null, new byte[0]);
        });
        // the test server is the one exempt address, standing in for a public site
        var guard = new AddressGuard(NetworkRanges.NONE, Set.of(InetAddress.getByName("127.0.0.1")));
        try (Fetcher f = new Fetcher(config().withAllowPrivateNetwork(false), clock, clock.sleeper(),
                new InMemoryHostSlots(), null, guard)) {
            assertThatThrownBy(() -> f.fetch(uri("/to-metadata")))
                    .hasMessageContaining("link-local address 169.254.169.254")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS);
            assertThatThrownBy(() -> f.fetch(uri("/to-private")))
                    .hasMessageContaining("private address 10.1.2.3");
        }
    }

    @Test
    void checksTheAddressAgainAfterThePolitenessWaitSoARebindingNameIsRefused() throws Exception {
        handle("/story", ex -> send(ex, 200, "text/html", "<p>Harbour reopens</p>".getBytes(StandardCharsets.UTF_8)));
        // a hostile DNS name: public while robots.txt is fetched, private once the fetcher has waited its turn
        var answer = new AtomicReference<>(InetAddress.getByName("203.0.113.7"));
        var resolutions = new AtomicInteger();
        var guard = new AddressGuard(NetworkRanges.NONE, Set.of(), host -> {
            resolutions.incrementAndGet();
            return new InetAddress[] {answer.get()};
        });
        InetAddress rebound = InetAddress.getByName("10.9.8.7");
        Sleeper rebindWhileWaiting = d -> {
            answer.set(rebound);
            clock.sleeper().sleep(d);
        };
        try (Fetcher f = new Fetcher(config().withAllowPrivateNetwork(false).withHostDelay(Duration.ofSeconds(2)),
                clock, rebindWhileWaiting, new InMemoryHostSlots(), null, guard)) {
            assertThatThrownBy(() -> f.fetch(uri("/story")))
                    .hasMessageContaining("private address 10.9.8.7")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS);
        }
        assertThat(requests).as("robots.txt went out while the name was public, the story never").containsExactly("/robots.txt");
        assertThat(resolutions).as("content: before robots and after the wait; robots.txt: likewise").hasValue(4);
    }

    @Test
    void conditionalGetAnswers304() throws Exception {
        handle("/story", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Sun, 01 Mar 2026 07:00:00 GMT");
            send(ex, 200, "text/html", "<p>v1</p>".getBytes(StandardCharsets.UTF_8));
        });
        try (Fetcher f = fetcher(config())) {
            FetchResult first = f.fetch(uri("/story"));
            assertThat(first.notModified()).isFalse();
            assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Sun, 01 Mar 2026 07:00:00 GMT"));
            FetchResult second = f.fetch(uri("/story"), first.validators());
            assertThat(second.notModified()).isTrue();
            assertThat(second.body()).isEmpty();
        }
    }

    @Test
    void obeysRobotsTxt() throws Exception {
        handle("/private/", ex -> send(ex, 200, "text/html", "secret".getBytes(StandardCharsets.UTF_8)));
        handle("/public", ex -> send(ex, 200, "text/html", "hello".getBytes(StandardCharsets.UTF_8)));
        try (Fetcher f = fetcher(config())) {
            assertThat(f.fetch(uri("/public")).text()).isEqualTo("hello");
            assertThatThrownBy(() -> f.fetch(uri("/private/page")))
                    .hasMessageContaining("disallows")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.ROBOTS_DISALLOWED);
            f.fetch(uri("/public"));
        }
        assertThat(requests).doesNotContain("/private/page");
        assertThat(requests.stream().filter("/robots.txt"::equals)).hasSize(1);
    }

    @Test
    void robotsUnavailableAllowsAndUnreachableDisallowsForNow() throws Exception {
        handle("/page", ex -> send(ex, 200, "text/html", "ok".getBytes(StandardCharsets.UTF_8)));
        robotsStatus = 404;
        try (Fetcher f = fetcher(config())) {
            assertThat(f.fetch(uri("/page")).status()).isEqualTo(200);
        }
        robotsStatus = 503;
        try (Fetcher f = fetcher(config())) {
            assertThatThrownBy(() -> f.fetch(uri("/page")))
                    .hasMessageEndingWith("is unreachable (HTTP 503); will retry")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.ROBOTS_UNREACHABLE);
        }
    }

    @Test
    void passesTheBytesOfAWrongCharsetThrough() throws Exception {
        byte[] utf8 = "<p>Café in Zürich — naïve</p>".getBytes(StandardCharsets.UTF_8);
        handle("/latin", ex -> send(ex, 200, "text/html; charset=iso-8859-1", utf8));
        try (Fetcher f = fetcher(config())) {
            FetchResult r = f.fetch(uri("/latin"));
            assertThat(r.body()).isEqualTo(utf8);
            assertThat(r.contentType()).isEqualTo("text/html; charset=iso-8859-1");
            assertThat(r.text()).contains("CafÃ©");
        }
    }

    @Test
    void spacesRequestsToAHostAndNeverOverlapsThem() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Instant> times = Collections.synchronizedList(new ArrayList<>());
        handle("/p", ex -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            times.add(clock.instant());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            send(ex, 200, "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        });
        try (Fetcher f = fetcher(config().withHostDelay(Duration.ofSeconds(2)));
             var pool = Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<FetchResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> f.fetch(uri("/p"))));
            }
            for (var fu : futures) {
                assertThat(fu.get().status()).isEqualTo(200);
            }
        }
        assertThat(maxInFlight.get()).isEqualTo(1);
        List<Instant> sorted = times.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void archivesRequestAndResponseAsWarc(@TempDir Path dir) throws Exception {
        handle("/a", ex -> send(ex, 200, "text/html; charset=utf-8", "<p>archived</p>".getBytes(StandardCharsets.UTF_8)));
        String ref;
        try (Fetcher f = new Fetcher(config(), clock, clock.sleeper(), new InMemoryHostSlots(),
                new WarcArchive(dir.resolve("warc"), clock))) {
            ref = f.fetch(uri("/a")).captureRef();
        }
        assertThat(ref).matches("redline-\\d{14}-\\w+-0\\.warc\\.gz#\\d+");
        String[] parts = ref.split("#");
        Path file = dir.resolve("warc").resolve(parts[0]);
        try (var reader = new WarcReader(Files.newByteChannel(file))) {
            reader.position(Long.parseLong(parts[1]));
            var record = reader.next().orElseThrow();
            assertThat(record).isInstanceOf(WarcResponse.class);
            WarcResponse response = (WarcResponse) record;
            assertThat(response.target()).isEqualTo(base + "/a");
            assertThat(response.http().status()).isEqualTo(200);
            assertThat(new String(response.http().body().stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("<p>archived</p>");
        }
        try (var reader = new WarcReader(file)) {
            assertThat(reader.records().map(r -> r.type()).toList()).containsExactly("request", "response");
        }
    }
}
