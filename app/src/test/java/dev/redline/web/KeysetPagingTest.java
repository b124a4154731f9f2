package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.VersionField;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Keyset paging of the API on a real server over a real SQLite store: walking {@code /api/changes}
 * by {@code before=} and {@code /api/articles} by {@code after=}, following {@code Link: rel="next"},
 * while new versions and articles are recorded between pages, gives every item that was there when
 * the walk began exactly once; {@code offset} paging still works.
 */
class KeysetPagingTest {

    private static String next(HttpResponse<String> page) {
        return page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
    }

    private static List<Long> ids(HttpResponse<String> page, String... path) {
        List<Long> out = new ArrayList<>();
        for (JsonNode item : Json.MAPPER.readTree(page.body())) {
            JsonNode n = item;
            for (String p : path) {
                n = n.get(p);
            }
            out.add(n.asLong());
        }
        return out;
    }

    @Test
    void pagesStayStableWhileVersionsAndArticlesAreAdded(@TempDir Path dir) {
        try (WebFixture f = WebFixture.empty(dir)) {
            long source = f.store.addSource("daily", List.of("http://127.0.0.1:9/d.xml"), List.of(), ExtractRules.NONE).id();
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Article a = f.store.upsertArticle("https://daily.example/" + i, source, WebFixture.T0);
                for (int v = 0; v < 2; v++) {
                    f.append(f.store.article(a.id()).orElseThrow(), WebFixture.T0.plusSeconds(600L * (i * 2 + v)),
                            new ArticleText("Story " + i + " take " + v, null, List.of("Paragraph " + v + " of story " + i + ".")),
                            v == 0 ? Set.of() : Set.of(VersionField.TITLE, VersionField.BODY), false);
                }
                articles.add(a);
            }
            List<Long> allChanges = ids(f.get("/api/changes?limit=500"), "version", "id");
            assertThat(allChanges).hasSize(12);

            List<Long> walked = new ArrayList<>();
            String url = "/api/changes?limit=5";
            int turn = 0;
            while (url != null) {
                HttpResponse<String> page = f.get(url);
                assertThat(page.statusCode()).isEqualTo(200);
                walked.addAll(ids(page, "version", "id"));
                // a newer version of an article, recorded between two pages
                Article a = articles.get(turn++);
                f.append(f.store.article(a.id()).orElseThrow(), WebFixture.T0.plusSeconds(100_000L + turn),
                        new ArticleText("Story update " + turn, null, List.of("Later news " + turn + ".")),
                        Set.of(VersionField.TITLE, VersionField.BODY), false);
                url = next(page);
            }
            assertThat(walked).containsExactlyElementsOf(allChanges);

            List<Long> allArticles = ids(f.get("/api/articles?after=0&limit=500"), "article", "id");
            List<Long> walkedArticles = new ArrayList<>();
            url = "/api/articles?after=0&limit=4&source=daily";
            while (url != null) {
                HttpResponse<String> page = f.get(url);
                walkedArticles.addAll(ids(page, "article", "id"));
                f.store.upsertArticle("https://daily.example/new-" + walkedArticles.size(), source, WebFixture.T0);
                url = next(page);
            }
            assertThat(walkedArticles).startsWith(allArticles.toArray(Long[]::new)).doesNotHaveDuplicates();

            // offset paging keeps working
            assertThat(ids(f.get("/api/changes?offset=2&limit=3"), "version", "id"))
                    .containsExactlyElementsOf(ids(f.get("/api/changes?limit=5"), "version", "id").subList(2, 5));
        }
    }
}
