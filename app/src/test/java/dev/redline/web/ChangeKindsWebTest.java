package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import dev.redline.store.VersionField;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Change kinds on a real server over a real SQLite store: a stealth figure change, then a correction
 * note, a headline alternating A/B/A/B (versions plus flip-flop events), and the article taken down;
 * the API, the article and diff pages, the change list and the source's record page show them.
 */
class ChangeKindsWebTest {
    private static final Instant T0 = WebFixture.T0;
    private static final String A = "Council passes housing budget";
    private static final String B = "Housing budget: what it means for renters";
    private static final List<String> BODY = List.of("The city council approved the housing budget on Tuesday.",
            "The plan sets aside 12 million pounds for new homes.");
    private static final List<String> CHANGED = List.of(BODY.get(0), "The plan sets aside 21 million pounds for new homes.");
    private static final List<String> CORRECTED = List.of(BODY.get(0), "The plan sets aside 21 million pounds for new homes.",
            "Correction: This article was amended on 20 November 2026 to correct the name of the councillor.",
            "The proposal was drafted by councillor Helen Okoro.");

    private Article seed(WebFixture f) {
        long daily = f.store.addSource("daily", List.of("http://127.0.0.1:9/daily.xml"), List.of(), ExtractRules.NONE).id();
        Article a = f.store.upsertArticle("https://daily.example/news/budget", daily, T0);
        f.append(a, T0, new ArticleText(A, null, BODY), Set.of(), false);
        f.append(a, T0.plusSeconds(3600), new ArticleText(A, null, CHANGED), Set.of(VersionField.BODY), false);
        f.append(a, T0.plusSeconds(7200), new ArticleText(A, null, CORRECTED), Set.of(VersionField.BODY), false);
        f.append(a, T0.plusSeconds(3 * 3600), new ArticleText(B, null, CORRECTED), Set.of(VersionField.TITLE), false);
        f.store.recordEvent(new ArticleEvent(a.id(), T0.plusSeconds(4 * 3600), EventKind.FLIP_FLOP, "the page shows version 2 again (latest is 3)"));
        f.store.recordEvent(new ArticleEvent(a.id(), T0.plusSeconds(5 * 3600), EventKind.FLIP_FLOP, "the page shows version 3 again (latest is 3)"));
        f.store.recordEvent(new ArticleEvent(a.id(), T0.plusSeconds(9 * 3600), EventKind.UNPUBLISHED, "redirected to https://daily.example/"));
        return a;
    }

    @Test
    void apiGivesNotesStealthFactsHeadlineTestsAndEvents(@TempDir Path dir) {
        try (WebFixture f = WebFixture.empty(dir)) {
            Article a = seed(f);
            JsonNode versions = Json.MAPPER.readTree(f.get("/api/articles/" + a.id() + "/versions").body());
            assertThat(versions.get(0).get("number").asInt()).isZero();
            assertThat(versions.get(0).get("text").get("title").asString()).isEqualTo(A);
            assertThat(versions.get(1).get("stealth").asBoolean()).isTrue();
            assertThat(versions.get(1).get("facts").get(0).get("old").asString()).isEqualTo("12");
            assertThat(versions.get(1).get("facts").get(0).get("new").asString()).isEqualTo("21");
            assertThat(versions.get(2).get("stealth").asBoolean()).isFalse();
            assertThat(versions.get(2).has("facts")).isFalse();
            assertThat(versions.get(2).get("notes").get(0).get("kind").asString()).isEqualTo("correction");
            assertThat(versions.get(2).get("notes").get(0).get("date").asString()).isEqualTo("20 November 2026");

            JsonNode history = Json.MAPPER.readTree(f.get("/api/articles/" + a.id() + "/history").body());
            JsonNode test = history.get("headlineTests").get(0);
            assertThat(history.get("headlineTests").size()).isEqualTo(1);
            assertThat(test.get("variants").toString()).isEqualTo(Json.write(List.of(A, B)));
            assertThat(test.get("seen").toString()).isEqualTo("[2,2]");
            assertThat(test.get("winner").asString()).isEqualTo(B);
            assertThat(history.get("events").findValuesAsString("kind")).contains("unpublished");
            assertThat(history.get("versions").get(1).get("stealth").asBoolean()).isTrue();
        }
    }

    @Test
    void pagesShowTheKindsAndTheSourceRecord(@TempDir Path dir) {
        try (WebFixture f = WebFixture.empty(dir)) {
            Article a = seed(f);
            String article = f.get("/articles/" + a.id()).body();
            assertThat(article).contains("Stealth edit", "correction note", "20 November 2026", "Headline tests",
                    "Winner: <strong>" + B.replace(":", ":") + "</strong>", "Taken down", "The last version Redline saw",
                    "Helen Okoro", "href=\"/sources/daily\"", "headline variant (A/B test)");
            assertThat(f.get("/articles/" + a.id() + "/diff/0/1").body()).contains("Stealth edit", "<del>12</del>");
            assertThat(f.get("/articles/" + a.id() + "/diff/1/2").body()).contains("correction note").doesNotContain("Stealth edit");

            String home = f.get("/?source=daily").body();
            assertThat(home).contains("stealth edit", "correction note", "Taken down", "Changes in <a href=\"/sources/daily\">daily</a> only");
            assertThat(f.get("/?source=nosuch").statusCode()).isEqualTo(404);

            HttpResponse<String> page = f.get("/sources/daily");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("1 of 1 article changed after publication", "about 1 hour", "<svg", "<rect",
                    "Stealth edits per week: 1 in all", "Corrections per week: 1 in all", "Unpublished articles per week: 1 in all")
                    .doesNotContain("<script");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebServer.CSP);
            String csv = f.get("/sources/daily/record.csv").body();
            assertThat(csv).isEqualTo("week,published,headline_changes,corrections,stealth_edits,unpublished\n2026-11-16,1,1,1,1,1\n");
            JsonNode record = Json.MAPPER.readTree(f.get("/api/sources/daily/record").body());
            assertThat(record.get("changed").asInt()).isEqualTo(1);
            assertThat(record.get("medianFirstChange").asString()).isEqualTo("PT1H");
            assertThat(record.get("weeks").get(0).get("start").asString()).isEqualTo("2026-11-16");
            assertThat(record.get("weeks").get(0).get("stealth").asInt()).isEqualTo(1);
            assertThat(f.get("/sources/nosuch").statusCode()).isEqualTo(404);
            assertThat(f.get("/sources").body()).contains("href=\"/sources/daily\"");
        }
    }
}
