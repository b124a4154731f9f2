package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.json.Json;
import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStatus;
import dev.redline.store.EventKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The page per version and an article's downloads (history and edits, JSON and CSV), on a real server. */
class VersionPageTest {
    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.seeded(dir, WebServer.Options.defaults());
    }

    @AfterEach
    void close() {
        web.close();
    }

    @Test
    void aVersionPageShowsItsTextAndLinksItsNeighbours() {
        long id = web.bridge.id();
        HttpResponse<String> page = web.get("/articles/" + id + "/versions/1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Council approves harbour bridge</h1>")
                .contains("<p>The town council voted on Tuesday to build the new harbour bridge.</p>")
                .contains("href=\"/articles/" + id + "/diff/0/1\"").contains("href=\"/articles/" + id + "/diff/1/2\"")
                .contains("href=\"/articles/" + id + "/versions/0\"").contains("href=\"/articles/" + id + "/versions/2\"")
                .contains("no raw capture kept");
        assertThat(web.get("/articles/" + id + "/versions/7").statusCode()).isEqualTo(404);
        assertThat(web.get("/articles/" + id).body()).contains("href=\"/articles/" + id + "/versions/2\"");
        assertThat(web.get("/articles/" + id + "/diff/0/1").body()).contains("href=\"/articles/" + id + "/versions/1\"");
    }

    @Test
    void hostileTextOnAVersionPageIsEscaped() {
        String body = web.get("/articles/" + web.hostile.id() + "/versions/1").body();
        assertThat(body).doesNotContain("<script>document").doesNotContain("<img src=x").contains("&lt;img src=x");
    }

    @Test
    void theLastVersionOfARemovedArticleSaysSoAndShowsWhatHappened() {
        long id = web.bridge.id();
        web.store.recordEvent(new ArticleEvent(id, WebFixture.T0.plusSeconds(10 * 3600), EventKind.GONE, "HTTP 410"));
        web.store.importLifecycle(id, ArticleStatus.GONE, List.of());
        String last = web.get("/articles/" + id + "/versions/2").body();
        assertThat(last).contains("last version Redline saw before the article was removed").contains("gone — HTTP 410");
        assertThat(web.get("/articles/" + id + "/versions/1").body()).doesNotContain("HTTP 410");
    }

    @Test
    void searchResultsLeadToTheMatchingVersion() {
        String body = web.get("/search?q=spring").body();
        assertThat(body).contains("href=\"/articles/" + web.bridge.id() + "/versions/2\"");
    }

    @Test
    void historyAndEditsDownloadAsJsonAndCsvWithStatusAndEvents() {
        long id = web.bridge.id();
        web.store.recordEvent(new ArticleEvent(id, WebFixture.T0.plusSeconds(10 * 3600), EventKind.GONE, "HTTP 410"));
        HttpResponse<String> json = web.get("/articles/" + id + "/history.json");
        assertThat(json.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"article-" + id + "-history.json\"");
        JsonNode history = Json.MAPPER.readTree(json.body());
        assertThat(history.path("status").asString()).isEqualTo("active");
        assertThat(history.path("versions")).hasSize(3);
        assertThat(history.path("events").get(0).path("kind").asString()).isEqualTo("gone");

        List<String> csv = web.get("/articles/" + id + "/history.csv").body().lines().toList();
        assertThat(csv.getFirst()).isEqualTo("url,status,record,n,at,title,byline,text,changed,boring,kind,detail");
        assertThat(csv.getLast()).contains(",event,").contains(",gone,\"HTTP 410\"");
        assertThat(String.join("\n", csv)).contains("\"The town council will vote on Tuesday on the new harbour bridge.\n\n");

        JsonNode edits = Json.MAPPER.readTree(web.get("/articles/" + id + "/edits.json").body());
        assertThat(edits.valueStream().map(e -> e.path("op").asString()).toList()).contains("edit", "move", "add");
        String editsCsv = web.get("/articles/" + id + "/edits.csv").body();
        assertThat(editsCsv.lines().findFirst().orElseThrow()).startsWith("url,source,versionOld,versionNew,");
        assertThat(editsCsv).contains("Construction could start next spring.");
        assertThat(web.get("/articles/999/history.csv").statusCode()).isEqualTo(404);
    }
}
