package dev.redline.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSub hub and its publisher on loopback, for tests: {@code /feed.xml} is the topic (an Atom
 * feed naming this hub, or none when {@link #advertise} is off), {@code /hub} takes subscription
 * requests and verifies intent (or denies, when told to) against the callback before it answers
 * 202, so the subscriber must already count the request as pending; {@link #publish} signs and
 * POSTs content to every verified subscriber, as a hub's content distribution does.
 */
final class LoopbackHub implements AutoCloseable {
    /** A subscription the hub verified: where to push and the key to sign with. */
    record Subscriber(String callback, String topic, String secret) {
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    /** What the last verification GET got back: status and body. */
    volatile String lastVerification;
    volatile long grantedLease = 3600;
    volatile String denyReason;
    volatile boolean advertise = true;
    volatile String feedEntries = "";

    LoopbackHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", this::feed);
        server.createContext("/hub", this::hub);
        server.createContext("/", exchange -> respond(exchange, 404, ""));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String feedUrl() {
        return base() + "/feed.xml";
    }

    String topic() {
        return base() + "/topic";
    }

    String hubUrl() {
        return base() + "/hub";
    }

    /** An Atom document with one entry per path. */
    String atom(String... paths) {
        StringBuilder entries = new StringBuilder();
        for (String path : paths) {
            entries.append("<entry><id>").append(base()).append(path).append("</id><title>Story ").append(path)
                    .append("</title><link href=\"").append(base()).append(path)
                    .append("\"/><updated>2026-11-20T08:00:00Z</updated></entry>");
        }
        String links = advertise ? "<link rel=\"hub\" href=\"" + hubUrl() + "\"/><link rel=\"self\" href=\"" + topic() + "\"/>" : "";
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Harbour</title>"
                + "<id>" + topic() + "</id><updated>2026-11-20T08:00:00Z</updated>" + links + entries + "</feed>";
    }

    private void feed(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
        respond(exchange, 200, atom(feedEntries.isEmpty() ? new String[0] : feedEntries.split(" ")));
    }

    private void hub(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(form);
        String mode = form.get("hub.mode");
        String callback = form.get("hub.callback");
        if (denyReason != null) {
            lastVerification = get(callback, Map.of("hub.mode", "denied", "hub.topic", form.get("hub.topic"),
                    "hub.reason", denyReason));
            respond(exchange, 202, "");
            return;
        }
        String challenge = UUID.randomUUID().toString();
        Map<String, String> query = new HashMap<>(Map.of("hub.mode", mode, "hub.topic", form.get("hub.topic"),
                "hub.challenge", challenge));
        if (mode.equals("subscribe")) {
            query.put("hub.lease_seconds", Long.toString(grantedLease));
        }
        lastVerification = get(callback, query);
        if (lastVerification.equals("200 " + challenge)) {
            if (mode.equals("subscribe")) {
                subscribers.put(callback, new Subscriber(callback, form.get("hub.topic"), form.get("hub.secret")));
            } else {
                subscribers.remove(callback);
            }
        }
        respond(exchange, 202, "");
    }

    /** A verification GET to a callback; "STATUS BODY". */
    String get(String callback, Map<String, String> query) {
        StringBuilder url = new StringBuilder(callback);
        query.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(encode(k)).append('=').append(encode(v)));
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url.toString())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code body} to a subscriber with {@code signature} (null: none); returns the status. */
    int push(Subscriber s, String body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.callback()))
                .header("Content-Type", "application/atom+xml")
                .header("Link", "<" + hubUrl() + ">; rel=\"hub\", <" + s.topic() + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Hub-Signature", signature);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Content distribution as a hub does it: signed with the subscriber's secret. */
    int publish(Subscriber s, String body, String method) {
        return push(s, body, HubSignature.sign(method, s.secret(), body.getBytes(StandardCharsets.UTF_8)));
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

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
