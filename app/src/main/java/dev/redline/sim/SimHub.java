package dev.redline.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.redline.push.HubSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSub hub on loopback, for tests and the demo: {@code POST /} takes subscription requests
 * (WebSub §5.1) and verifies intent against the callback (§5.3) before it answers 202, so a
 * subscriber must already count its request as pending; when told to {@link #deny} it sends the
 * denial (§5.2) instead. {@link #publish(String)} fetches a topic and, when it changed since the
 * last time, POSTs it signed ({@code X-Hub-Signature: sha256=…}) to every verified subscriber of
 * that topic, as a hub's content distribution (§7) does. Thread-safe.
 */
public final class SimHub implements AutoCloseable {
    /** A subscription the hub verified: where to push, the topic and the key to sign with. */
    public record Subscriber(String callback, String topic, String secret) {
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Integer> published = new ConcurrentHashMap<>();
    private volatile String lastVerification = "";
    private volatile long lease = 3600;
    private volatile String denyReason;

    private SimHub(HttpServer server) {
        this.server = server;
    }

    /** Starts a hub on a free loopback port. */
    public static SimHub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            SimHub hub = new SimHub(server);
            server.createContext("/", hub::handle);
            server.start();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated WebSub hub", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Every subscription request received (its form fields), oldest first. */
    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    /** The verified subscriptions. */
    public List<Subscriber> subscribers() {
        return List.copyOf(subscribers.values());
    }

    /** What the last verification or denial GET got back: "STATUS BODY". */
    public String lastVerification() {
        return lastVerification;
    }

    /** The lease granted from now on. */
    public void grantLease(Duration d) {
        lease = d.toSeconds();
    }

    /** Deny every request from now on with this reason; null to verify again. */
    public void deny(String reason) {
        denyReason = reason;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(form);
            String mode = form.getOrDefault("hub.mode", "");
            String callback = form.get("hub.callback");
            String topic = form.get("hub.topic");
            if (callback == null || topic == null || !(mode.equals("subscribe") || mode.equals("unsubscribe"))) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String reason = denyReason;
            if (reason != null) {
                lastVerification = get(callback, Map.of("hub.mode", "denied", "hub.topic", topic, "hub.reason", reason));
            } else {
                String challenge = UUID.randomUUID().toString();
                Map<String, String> query = new HashMap<>(Map.of("hub.mode", mode, "hub.topic", topic, "hub.challenge", challenge));
                if (mode.equals("subscribe")) {
                    query.put("hub.lease_seconds", Long.toString(lease));
                }
                lastVerification = get(callback, query);
                if (lastVerification.equals("200 " + challenge)) {
                    if (mode.equals("subscribe")) {
                        subscribers.put(callback, new Subscriber(callback, topic, form.getOrDefault("hub.secret", "")));
                    } else {
                        subscribers.remove(callback);
                    }
                }
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    /** A GET to a callback with these query parameters; "STATUS BODY" ("0 error" when it failed). */
    public String get(String callback, Map<String, String> query) {
        StringBuilder url = new StringBuilder(callback);
        query.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(encode(k)).append('=').append(encode(v)));
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url.toString())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return "0 " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "0 interrupted";
        }
    }

    /**
     * Fetches {@code topic} and pushes it to its subscribers when it changed since the last publish.
     *
     * @return how many subscribers were sent it
     */
    public int publish(String topic) {
        byte[] body;
        try {
            body = client.send(HttpRequest.newBuilder(URI.create(topic)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        if (Integer.valueOf(Arrays.hashCode(body)).equals(published.put(topic, Arrays.hashCode(body)))) {
            return 0;
        }
        int sent = 0;
        for (Subscriber s : subscribers.values()) {
            if (s.topic().equals(topic)) {
                push(s, body, HubSignature.sign("sha256", s.secret(), body));
                sent++;
            }
        }
        return sent;
    }

    /** Pushes every verified subscription's topic that changed since its last publish; returns the pushes sent. */
    public int publishAll() {
        return subscribers.values().stream().map(Subscriber::topic).distinct().mapToInt(this::publish).sum();
    }

    /** Signs {@code body} with the subscriber's secret ({@code method}: sha1, sha256, …) and pushes it; the status. */
    public int publish(Subscriber s, String body, String method) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return push(s, bytes, HubSignature.sign(method, s.secret(), bytes));
    }

    /** POSTs {@code body} to a subscriber's callback with {@code signature} as X-Hub-Signature (null: none); the status. */
    public int push(Subscriber s, byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.callback())).header("Content-Type", "application/xml")
                .header("Link", "<" + url() + ">; rel=\"hub\", <" + s.topic() + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header("X-Hub-Signature", signature);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> values = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        client.shutdownNow();
    }
}
