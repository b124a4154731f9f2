package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.fetch.WarcArchive;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw captures come back from the tracker's WARC files as plain text, never as a rendered page. */
class CapturesTest {
    @TempDir
    Path dir;

    @Test
    void rawCaptureIsServedAsPlainTextWithItsContentEncodingUndone() throws Exception {
        Path warc = dir.resolve("warc");
        String html = "<html><body><script>alert('raw')</script><p>The ferry sailed at dawn.</p></body></html>";
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(gzipped)) {
            gz.write(html.getBytes(StandardCharsets.UTF_8));
        }
        String ref;
        try (WarcArchive archive = new WarcArchive(warc, WebFixture.CLOCK)) {
            archive.archive(URI.create("https://gazette.example/news/other"), List.of(), 200,
                    Map.of("Content-Type", List.of("text/html")), "<p>first</p>".getBytes(StandardCharsets.UTF_8));
            ref = archive.archive(URI.create("https://gazette.example/news/ferry"), List.<String[]>of(), 200,
                    Map.of("Content-Type", List.of("text/html; charset=utf-8"), "Content-Encoding", List.of("gzip")),
                    gzipped.toByteArray());
        }
        try (WebFixture web = new WebFixture(dir.resolve("db"), store -> WebServer.Options.defaults().withWarcDir(warc))) {
            Article a = web.store.upsertArticle("https://gazette.example/news/ferry", null, WebFixture.T0);
            web.store.appendVersion(a.id(), new NewVersion(WebFixture.T0, new ArticleText("Ferry sails", null,
                    List.of("The ferry sailed at dawn.")), Set.of(), false, null, ref));
            assertThat(web.get("/articles/" + a.id()).body()).contains("href=\"/articles/" + a.id() + "/versions/0/raw\"");
            HttpResponse<String> raw = web.get("/articles/" + a.id() + "/versions/0/raw");
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(raw.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(raw.body()).contains("https://gazette.example/news/ferry").contains("HTTP 200")
                    .contains("<script>alert('raw')</script><p>The ferry sailed at dawn.</p>");

            web.store.appendVersion(a.id(), new NewVersion(WebFixture.T0.plusSeconds(60), new ArticleText("Ferry sails",
                    null, List.of("The ferry sailed at dawn today.")), Set.of(), false, null, "../../etc/passwd#0"));
            assertThat(web.get("/articles/" + a.id() + "/versions/1/raw").statusCode()).isEqualTo(404);
        }
    }
}
