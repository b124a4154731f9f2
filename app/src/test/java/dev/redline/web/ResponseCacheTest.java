package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.store.VersionField;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered-response cache: a second request for a response renders nothing and gets the same
 * body (and headers such as the API's {@code Link}), a new version moves the tags of what it
 * changes so those are rendered again with it, and the kept characters stay within the bound.
 */
class ResponseCacheTest {

    private static HttpResponse<String> get(WebFixture f, String path) {
        return f.send(HttpRequest.newBuilder(URI.create(f.base() + path)).GET().build());
    }

    @Test
    void aKeptResponseIsServedUntilANewVersionMovesItsTag(@TempDir Path dir) {
        try (WebFixture f = WebFixture.seeded(dir, WebServer.Options.defaults())) {
            long id = f.bridge.id();
            List<String> paths = List.of("/", "/?source=harbour-gazette", "/articles/" + id, "/articles/" + id + "/diff/0/1",
                    "/articles/" + id + "/versions/1", "/feeds/changes.atom", "/sources/harbour-gazette/changes.atom",
                    "/articles/" + id + "/changes.atom", "/api/changes?limit=1", "/api/articles?after=0&limit=1",
                    "/api/articles/" + id + "/versions", "/api/articles/" + id + "/diff/0/1");
            for (String path : paths) {
                HttpResponse<String> first = get(f, path);
                HttpResponse<String> second = get(f, path);
                assertThat(first.statusCode()).as(path).isEqualTo(200);
                assertThat(second.body()).as(path).isEqualTo(first.body());
                assertThat(second.headers().firstValue("Content-Type")).as(path).isEqualTo(first.headers().firstValue("Content-Type"));
                assertThat(second.headers().firstValue("Link")).as(path).isEqualTo(first.headers().firstValue("Link"));
            }
            assertThat(get(f, "/api/changes?limit=1").headers().firstValue("Link")).hasValueSatisfying(l -> l.contains("before="));
            String versions = get(f, "/api/articles/" + id + "/versions").body();

            f.append(f.store.article(id).orElseThrow(), WebFixture.T0.plusSeconds(11 * 3600), new ArticleText(
                    "Council approves harbour bridge after all", "By Ada Lindqvist", List.of("The vote was close.")),
                    Set.of(VersionField.TITLE, VersionField.BODY), false);

            for (String path : List.of("/", "/?source=harbour-gazette", "/articles/" + id, "/feeds/changes.atom",
                    "/sources/harbour-gazette/changes.atom", "/articles/" + id + "/changes.atom", "/api/changes?limit=1")) {
                assertThat(get(f, path).body()).as(path).contains("after all");
            }
            assertThat(get(f, "/api/articles/" + id + "/versions").body()).isNotEqualTo(versions).contains("The vote was close.");
            // the diff of the two older versions is the same diff; its page now links on to the new version
            assertThat(get(f, "/articles/" + id + "/diff/0/1").body()).contains("/articles/" + id + "/diff/1/2");
        }
    }

    @Test
    void rendersOnceAndKeepsWithinItsBound() {
        ResponseCache cache = new ResponseCache(1_600);
        AtomicInteger rendered = new AtomicInteger();
        for (int round = 0; round < 2; round++) {
            assertThat(cache.get("a", () -> {
                rendered.incrementAndGet();
                return ResponseCache.Response.html("x".repeat(100));
            }).body()).hasSize(100);
        }
        assertThat(rendered).hasValue(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
        for (int k = 0; k < 40; k++) {
            cache.get("page-" + k, () -> ResponseCache.Response.html("y".repeat(100)));
            assertThat(cache.chars()).isLessThanOrEqualTo(1_600);
        }
        // "a" was used least recently: dropped; a body over a sixteenth of the bound is sent, not kept
        cache.get("a", () -> {
            rendered.incrementAndGet();
            return ResponseCache.Response.html("x".repeat(100));
        });
        assertThat(rendered).hasValue(2);
        long before = cache.chars();
        assertThat(cache.get("big", () -> ResponseCache.Response.html("z".repeat(101))).body()).hasSize(101);
        assertThat(cache.chars()).isEqualTo(before);
    }
}
