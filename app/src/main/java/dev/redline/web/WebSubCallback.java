package dev.redline.web;

import dev.redline.error.NotFound;
import dev.redline.push.WebSub;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The WebSub callback hubs call, {@code /websub/{key}}: a GET is a verification of intent (the
 * challenge echoed as text/plain, or 404 for a topic or mode Redline did not ask for), a POST a
 * content distribution. Not behind the admin token (a hub holds none): a POST is believed only with
 * the subscription's {@code X-Hub-Signature}, and every signed or unsigned one is answered
 * {@code 202} (WebSub §7.1.2: ignored, but acknowledged, so a forger learns nothing). The body is
 * read up to {@link WebSub#MAX_PUSH_BYTES}; a longer one makes the feed due for polling instead.
 * Without push configured (no base URL) every callback is 404. Thread-safe.
 */
final class WebSubCallback {
    static final String SIGNATURE_HEADER = "X-Hub-Signature";

    private final WebSub webSub;

    /** @param webSub the subscriber, or null when push is off */
    WebSubCallback(WebSub webSub) {
        this.webSub = webSub;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/websub/{key}", this::verify);
        routes.post("/websub/{key}", this::receive);
    }

    private void verify(Context ctx) {
        Map<String, String> params = new HashMap<>();
        for (String name : new String[] {"hub.mode", "hub.topic", "hub.challenge", "hub.lease_seconds", "hub.reason"}) {
            String value = ctx.queryParam(name);
            if (value != null) {
                params.put(name, value);
            }
        }
        String challenge = webSub == null ? null : webSub.verify(ctx.pathParam("key"), params).orElse(null);
        if (challenge == null) {
            throw new NotFound("There is no pending WebSub request for this callback, topic and mode.");
        }
        ctx.contentType("text/plain; charset=utf-8").result(challenge);
    }

    private void receive(Context ctx) throws IOException {
        if (webSub == null) {
            throw new NotFound("WebSub is off on this server.");
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(WebSub.MAX_PUSH_BYTES + 1);
        }
        if (body.length > WebSub.MAX_PUSH_BYTES) {
            body = null;
        }
        WebSub.Received received = webSub.receive(ctx.pathParam("key"), ctx.header(SIGNATURE_HEADER), body,
                ctx.header("Content-Type"));
        if (received == WebSub.Received.UNKNOWN) {
            ctx.status(410).contentType("text/plain; charset=utf-8").result("no such subscription");
            return;
        }
        ctx.status(202);
    }
}
