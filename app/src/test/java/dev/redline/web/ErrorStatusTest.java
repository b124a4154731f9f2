package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.error.BadInput;
import dev.redline.error.Conflict;
import dev.redline.error.NotFound;
import dev.redline.error.Refused;
import dev.redline.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** User errors are mapped once to their HTTP status; anything else a handler throws is a bug: 500. */
class ErrorStatusTest {
    @TempDir
    Path dir;

    @Test
    void eachUserErrorHasItsStatus() {
        assertThat(WebServer.status(new BadInput("x"))).isEqualTo(400);
        assertThat(WebServer.status(new Refused("x"))).isEqualTo(403);
        assertThat(WebServer.status(new NotFound("x"))).isEqualTo(404);
        assertThat(WebServer.status(new Conflict("x"))).isEqualTo(409);
    }

    @Test
    void aBadUrlIs400ButAnIllegalArgumentFromABugIs500() {
        WebServer.Options options = WebServer.Options.defaults().withAdminToken("s3cret").withSubmitter(url -> {
            if (url.startsWith("https://")) {
                throw new IllegalArgumentException("index out of step"); // a bug, not the user's input
            }
            throw new BadInput("not an absolute http(s) URL: " + url);
        });
        try (WebFixture web = WebFixture.seeded(dir, options)) {
            HttpResponse<String> bad = track(web, "news.example/a");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(bad.body()).path("error").asString()).contains("news.example/a");

            HttpResponse<String> bug = track(web, "https://news.example/a");
            assertThat(bug.statusCode()).isEqualTo(500);
            JsonNode error = Json.MAPPER.readTree(bug.body());
            assertThat(error.path("error").asString()).doesNotContain("index out of step").contains("logged");

            HttpResponse<String> taken = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/sources"))
                    .header("Authorization", "Bearer s3cret")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"harbour-gazette\",\"feeds\":[\"https://g.example/rss\"]}"))
                    .build());
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(taken.body()).contains("already exists");
        }
    }

    private static HttpResponse<String> track(WebFixture web, String url) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/track"))
                .header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("url", url)))).build());
    }
}
