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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional GET on a real server over a real SQLite store: pages, feeds and API responses carry an
 * ETag, a request holding it gets 304 with no body, and a new version moves the tags of what it
 * changes (lists, feeds, the article) but not of a diff of two committed versions.
 */
class ConditionalGetTest {

    private static HttpResponse<String> get(WebFixture f, String path, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(f.base() + path)).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return f.send(request.build());
    }

    @Test
    void aMatchingEtagGets304AndANewVersionMovesOnlyWhatItChanges(@TempDir Path dir) {
        try (WebFixture f = WebFixture.seeded(dir, WebServer.Options.defaults())) {
            long id = f.bridge.id();
            List<String> paths = List.of("/", "/articles/" + id, "/articles/" + id + "/diff/0/1", "/articles/" + id + "/versions/1",
                    "/feeds/changes.atom", "/sources/harbour-gazette", "/api/changes", "/api/articles?after=0",
                    "/api/articles/" + id + "/diff/0/1", "/api/articles/" + id + "/versions/1", "/search?q=bridge");
            for (String path : paths) {
                HttpResponse<String> first = get(f, path, null);
                assertThat(first.statusCode()).as(path).isEqualTo(200);
                String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
                HttpResponse<String> again = get(f, path, etag);
                assertThat(again.statusCode()).as(path).isEqualTo(304);
                assertThat(again.body()).as(path).isEmpty();
                assertThat(get(f, path, "\"something-else\"").statusCode()).as(path).isEqualTo(200);
            }
            String diffTag = get(f, "/api/articles/" + id + "/diff/0/1", null).headers().firstValue("ETag").orElseThrow();
            assertThat(get(f, "/api/articles/" + id + "/diff/0/1", null).headers().firstValue("Last-Modified")).isPresent();
            String homeTag = get(f, "/", null).headers().firstValue("ETag").orElseThrow();
            String feedTag = get(f, "/feeds/changes.atom", null).headers().firstValue("ETag").orElseThrow();
            String articleTag = get(f, "/articles/" + id, null).headers().firstValue("ETag").orElseThrow();

            f.append(f.store.article(id).orElseThrow(), WebFixture.T0.plusSeconds(11 * 3600), new ArticleText(
                    "Council approves harbour bridge after all", "By Ada Lindqvist", List.of("The vote was close.")),
                    Set.of(VersionField.TITLE, VersionField.BODY), false);

            assertThat(get(f, "/api/articles/" + id + "/diff/0/1", diffTag).statusCode()).isEqualTo(304);
            assertThat(get(f, "/", homeTag).statusCode()).isEqualTo(200);
            assertThat(get(f, "/feeds/changes.atom", feedTag).statusCode()).isEqualTo(200);
            assertThat(get(f, "/articles/" + id, articleTag).statusCode()).isEqualTo(200);
            assertThat(get(f, "/feeds/changes.atom", null).body()).contains("after all");
        }
    }

    @Test
    void ifNoneMatchListsAndWeakTagsMatch() {
        assertThat(Conditional.matches("\"a\", W/\"b\"", "\"b\"")).isTrue();
        assertThat(Conditional.matches("*", "\"b\"")).isTrue();
        assertThat(Conditional.matches("\"a\", \"c\"", "\"b\"")).isFalse();
    }
}
