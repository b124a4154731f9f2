package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.fetch.NetworkRanges;
import dev.redline.json.Json;
import dev.redline.webhook.Webhooks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** /api/watches: admin-only, checks receivers with the private-address guard, shows the secret once. */
class WatchApiTest {
    @TempDir
    Path dir;

    @Test
    void watchesAreAddedListedLoggedAndRemovedByTheAdminOnly() {
        try (WebFixture web = WebFixture.seeded(dir, store -> WebServer.Options.defaults().withAdminToken("s3cret")
                .withWebhooks(new Webhooks(store, WebFixture.CLOCK, NetworkRanges.NONE)))) {
            String body = "{\"source\": \"harbour-gazette\", \"url\": \"https://hooks.example.org/redline\"}";
            assertThat(post(web, body, null).statusCode()).isEqualTo(403);
            assertThat(web.get("/api/watches").statusCode()).isEqualTo(403);
            HttpResponse<String> added = post(web, body, "s3cret");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            JsonNode json = Json.MAPPER.readTree(added.body());
            assertThat(json.path("secret").asString()).hasSize(64);
            assertThat(json.path("signatureHeader").asString()).isEqualTo("X-Redline-Signature");
            long id = json.path("watch").path("id").asLong();

            HttpResponse<String> listed = web.send(auth(HttpRequest.newBuilder(URI.create(web.base() + "/api/watches"))).GET().build());
            assertThat(listed.body()).contains("\"kind\":\"source\"").contains("\"target\":\"harbour-gazette\"")
                    .doesNotContain(json.path("secret").asString());
            HttpResponse<String> log = web.send(auth(HttpRequest.newBuilder(URI.create(web.base() + "/api/watches/" + id + "/deliveries"))).GET().build());
            assertThat(log.statusCode()).isEqualTo(200);
            assertThat(log.body()).isEqualTo("[]");

            HttpResponse<String> loopback = post(web, "{\"query\": \"bridge\", \"url\": \"http://127.0.0.1:9/hook\"}", "s3cret");
            assertThat(loopback.statusCode()).isEqualTo(400);
            assertThat(loopback.body()).contains("refusing to deliver to").contains("loopback");
            assertThat(post(web, "{\"url\": \"https://hooks.example.org/x\"}", "s3cret").body()).contains("one of \\\"article\\\"");
            assertThat(web.send(auth(HttpRequest.newBuilder(URI.create(web.base() + "/api/watches/" + id))).DELETE().build())
                    .statusCode()).isEqualTo(204);
            assertThat(web.send(auth(HttpRequest.newBuilder(URI.create(web.base() + "/api/watches/" + id))).DELETE().build())
                    .statusCode()).isEqualTo(404);
        }
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder b) {
        return b.header("Authorization", "Bearer s3cret");
    }

    private static HttpResponse<String> post(WebFixture web, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base() + "/api/watches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return web.send(b.build());
    }
}
