package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redline import --format newsedits-sqlite} on small dumps built with the NewsEdits schema
 * ({@code split_sentences}, {@code matched_sentences}), then the imported article in the web UI.
 */
class NewsEditsImportTest {
    @TempDir
    Path dir;

    @Test
    void dumpIsImportedAsHistoriesAndShownOnTheArticlePage() throws Exception {
        Path dump = dir.resolve("guardian.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dump); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE split_sentences (entry_id INTEGER, version TEXT, sent_idx INTEGER, sentence TEXT)");
            s.execute("CREATE TABLE matched_sentences (entry_id INTEGER, version_x INTEGER, version_y INTEGER,"
                    + " sent_idx_x REAL, sent_idx_y REAL, avg_sentence_distance_x REAL, avg_sentence_distance_y REAL)");
            // entry 7: v0 two sentences; v1 edits the first and adds one. Versions stored as text, as in the corpus.
            insert(c, 7, "0", "The ferry will stop on Monday, the council said.", "Talks with the union continue.");
            insert(c, 7, "1", "The ferry will run again on Monday, the council said.", "Talks with the union continue.",
                    "A deal was signed <b>overnight</b>.");
            insert(c, 9, "0", "A single version article.");
            s.execute("INSERT INTO matched_sentences VALUES (7, 0, 1, 0, 0, 0.2, 0.2), (7, 0, 1, 1, 1, 0, 0)");
        }
        Path db = dir.resolve("redline.db");

        CliRun run = CliRun.run("--db", db.toString(), "import", "--format", "newsedits-sqlite", dump.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 2 histories: 3 versions added");
        assertThat(CliRun.run("--db", db.toString(), "import", "--format", "newsedits-sqlite", dump.toString()).out())
                .as("importing again adds nothing").contains("0 versions added");

        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            Article article = store.articleByUrl("https://newsedits.invalid/guardian/7").orElseThrow();
            assertThat(store.source(article.sourceId()).orElseThrow().name()).isEqualTo("guardian");
            List<Version> versions = store.versions(article.id());
            assertThat(versions).hasSize(2);
            assertThat(versions.get(1).text().paragraphs()).containsExactly(
                    "The ferry will run again on Monday, the council said.", "Talks with the union continue.",
                    "A deal was signed <b>overnight</b>.");
            assertThat(versions.get(1).fetchedAt()).isAfter(versions.get(0).fetchedAt());

            try (WebServer server = new WebServer(store, WebServer.Options.defaults()).start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port() + "/articles/" + article.id();
                HttpResponse<String> page = get(base);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<h1>guardian entry 7</h1>").contains(base.substring(base.indexOf("/articles")) + "/diff/0/1");
                HttpResponse<String> diff = get(base + "/diff/0/1");
                assertThat(diff.statusCode()).isEqualTo(200);
                assertThat(diff.body()).contains("again").contains("Talks with the union continue.")
                        .contains("A deal was signed &lt;b&gt;overnight&lt;/b&gt;.").doesNotContain("<b>overnight");
            }
        }
    }

    @Test
    void fileWithoutSplitSentencesIsRefusedNamingIt() throws Exception {
        Path notADump = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notADump); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE things (id INTEGER)");
        }
        CliRun run = CliRun.run("--db", dir.resolve("redline.db").toString(), "import", "--format", "newsedits-sqlite",
                notADump.toString());
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains(notADump + ": not a NewsEdits dump (no split_sentences table)");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void insert(Connection c, int entry, String version, String... sentences) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO split_sentences VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < sentences.length; i++) {
                ps.setInt(1, entry);
                ps.setString(2, version);
                ps.setInt(3, i);
                ps.setString(4, sentences[i]);
                ps.executeUpdate();
            }
        }
    }
}
