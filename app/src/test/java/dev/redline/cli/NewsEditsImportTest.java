package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.web.WebServer;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redline import --format newsedits-sqlite} on small dumps built with the published NewsEdits
 * schema (the released {@code SOURCE-matched-sentences.db} files: {@code split_sentences},
 * {@code matched_sentences}, {@code doc_level_stats}, written as pandas writes tables, with its
 * {@code index} column; and a raw per-source {@code entryversion} file), then the imported article
 * in the web UI; and the one-line refusals of files that are not such dumps.
 */
class NewsEditsImportTest {
    @TempDir
    Path dir;

    @Test
    void releasedDumpIsImportedAsHistoriesAndShownOnTheArticlePage() throws Exception {
        Path dump = dir.resolve("guardian-matched-sentences.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dump); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"split_sentences\" (\"index\" INTEGER, \"entry_id\" INTEGER, \"version\" REAL,"
                    + " \"sent_idx\" INTEGER, \"sentence\" TEXT)");
            s.execute("CREATE TABLE \"matched_sentences\" (\"index\" INTEGER, \"entry_id\" INTEGER, \"version_x\" INTEGER,"
                    + " \"version_y\" INTEGER, \"sent_idx_x\" REAL, \"sent_idx_y\" REAL, \"avg_sentence_distance_x\" REAL,"
                    + " \"avg_sentence_distance_y\" REAL)");
            s.execute("CREATE TABLE \"doc_level_stats\" (\"entry_id\" INTEGER, \"version_x\" INTEGER, \"version_y\" INTEGER,"
                    + " \"mean x dist\" REAL, \"mean y dist\" REAL, \"num_unchanged\" INTEGER, \"num_edited_x\" INTEGER,"
                    + " \"num_edited_y\" INTEGER, \"num_deleted\" INTEGER, \"num_added\" INTEGER, \"num_merged\" INTEGER,"
                    + " \"num_split\" INTEGER, \"num_sentences_x\" INTEGER, \"num_sentences_y\" INTEGER, \"num_refactors\" INTEGER,"
                    + " \"mean_dist_overall\" REAL)");
            // entry 7 keeps the page's paragraph marks, as the AP file does (a mark may sit inside a sentence);
            // v1 edits the first sentence and adds one. Entry 9 has none: a sentence per paragraph.
            insert(c, 7, 0.0, "<p> The ferry will stop on Monday, the council said.", "Talks with the union continue.</p> <p>Staff were told.</p>");
            insert(c, 7, 1.0, "<p> The ferry will run again on Monday, the council said.", "Talks with the union continue.</p> <p>Staff were told.",
                    "</p> <p>A deal was signed <b>overnight</b>.</p>");
            insert(c, 9, 0.0, "A single version article.", "Its second sentence.");
            s.execute("INSERT INTO matched_sentences VALUES (0, 7, 0, 1, 0.0, 0.0, 0.2, 0.2), (1, 7, 0, 1, 1.0, 1.0, 0, 0),"
                    + " (2, 7, 0, 1, NULL, 2.0, NULL, NULL)");
            s.execute("INSERT INTO doc_level_stats VALUES (7, 0, 1, 0.1, 0.1, 1, 1, 1, 0, 1, 0, 0, 2, 3, 0, 0.1)");
        }
        Path db = dir.resolve("redline.db");

        CliRun run = CliRun.run("--db", db.toString(), "import", "--format", "newsedits-sqlite", dump.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 2 histories: 3 versions added");
        assertThat(CliRun.run("--db", db.toString(), "import", "--format", "newsedits-sqlite", dump.toString()).out())
                .as("importing again adds nothing").contains("0 versions added");

        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            Article article = store.articleByUrl("https://newsedits.invalid/guardian/7").orElseThrow();
            assertThat(store.source(article.sourceId()).orElseThrow().name()).as("the -matched-sentences suffix is dropped")
                    .isEqualTo("guardian");
            List<Version> versions = store.versions(article.id());
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).text().paragraphs()).containsExactly(
                    "The ferry will stop on Monday, the council said. Talks with the union continue.", "Staff were told.");
            assertThat(versions.get(1).text().paragraphs()).containsExactly(
                    "The ferry will run again on Monday, the council said. Talks with the union continue.", "Staff were told.",
                    "A deal was signed <b>overnight</b>.");
            assertThat(versions.get(1).fetchedAt()).isAfter(versions.get(0).fetchedAt());
            Article single = store.articleByUrl("https://newsedits.invalid/guardian/9").orElseThrow();
            assertThat(store.versions(single.id()).getFirst().text().paragraphs())
                    .containsExactly("A single version article.", "Its second sentence.");

            try (WebServer server = new WebServer(store, WebServer.Options.defaults()).start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port() + "/articles/" + article.id();
                HttpResponse<String> page = get(base);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<h1>guardian entry 7</h1>").contains(base.substring(base.indexOf("/articles")) + "/diff/0/1");
                HttpResponse<String> diff = get(base + "/diff/0/1");
                assertThat(diff.statusCode()).isEqualTo(200);
                assertThat(diff.body()).contains("again").contains("Staff were told.")
                        .contains("A deal was signed &lt;b&gt;overnight&lt;/b&gt;.").doesNotContain("<b>overnight");
            }
        }
    }

    @Test
    void rawEntryVersionDumpGivesUrlsHeadlinesDatesAndParagraphs() throws Exception {
        Path dump = sqlite(dir.resolve("newssniffer-nytimes.db"),
                "CREATE TABLE entryversion (id INTEGER, entry_id INTEGER, version INTEGER, created TEXT, title TEXT,"
                        + " url TEXT, num_versions INTEGER, summary TEXT, joint_key TEXT)",
                "INSERT INTO entryversion VALUES"
                        + " (10, 3, 0, '2019-05-01 12:00:00', 'Storm nears coast', 'https://www.nytimes.com/2019/05/01/storm.html', 2,"
                        + " '<p>The storm is 200 miles offshore.</p><p>Residents were told to wait.</p>', '3-0'),"
                        + " (11, 3, 1, '2019-05-01 14:30:00.250000', 'Storm makes landfall', 'https://www.nytimes.com/2019/05/01/storm.html', 2,"
                        + " '<p>The storm made landfall at noon.</p><p>Residents were told to wait.</p>', '3-1')");
        Path db = dir.resolve("redline.db");
        CliRun run = CliRun.run("--db", db.toString(), "import", "--format", "newsedits-sqlite", dump.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            Article article = store.articleByUrl("https://www.nytimes.com/2019/05/01/storm.html").orElseThrow();
            assertThat(store.source(article.sourceId()).orElseThrow().name()).isEqualTo("nytimes");
            List<Version> versions = store.versions(article.id());
            assertThat(versions).extracting(v -> v.text().title()).containsExactly("Storm nears coast", "Storm makes landfall");
            assertThat(versions).extracting(Version::fetchedAt)
                    .containsExactly(Instant.parse("2019-05-01T12:00:00Z"), Instant.parse("2019-05-01T14:30:00.250Z"));
            assertThat(versions.get(1).text().paragraphs()).containsExactly("The storm made landfall at noon.", "Residents were told to wait.");
        }
    }

    @Test
    void filesThatAreNotDumpsAreRefusedInOneLineNamingThem() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "entry_id,version,sentence\n");
        Path gzip = dir.resolve("ap-matched-sentences.db.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write("SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Path other = sqlite(dir.resolve("other.db"), "CREATE TABLE things (id INTEGER)");
        Path matchedOnly = sqlite(dir.resolve("fox-matched-sentences.db"),
                "CREATE TABLE matched_sentences (entry_id INTEGER, version_x INTEGER, version_y INTEGER)");
        Path wrongColumns = sqlite(dir.resolve("bbc-matched-sentences.db"),
                "CREATE TABLE split_sentences (entry_id INTEGER, version INTEGER, text TEXT)");
        assertRefused(dir.resolve("missing.db"), "missing.db: no such file");
        assertRefused(text, "notes.db: not a NewsEdits dump (not an SQLite database)");
        assertRefused(gzip, "ap-matched-sentences.db.gz: gzip-compressed (the corpus ships .db.gz files): gunzip it first");
        assertRefused(other, "other.db: not a NewsEdits dump (no split_sentences or entryversion table)");
        assertRefused(matchedOnly, "fox-matched-sentences.db: a NewsEdits dump without its sentences (matched_sentences but no split_sentences)");
        assertRefused(wrongColumns, "bbc-matched-sentences.db: not a NewsEdits dump (split_sentences has no sent_idx, sentence column)");
    }

    private void assertRefused(Path file, String message) {
        Path db = dir.resolve("refusals.db");
        CliRun run = CliRun.run("--db", db.toString(), "import", "--format", "newsedits-sqlite", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).contains(message).doesNotContain("\n").doesNotContain("Exception");
    }

    /** A real SQLite file made by running {@code statements}. */
    private static Path sqlite(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        return file;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void insert(Connection c, int entry, double version, String... sentences) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO split_sentences VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sentences.length; i++) {
                ps.setInt(1, i);
                ps.setInt(2, entry);
                ps.setDouble(3, version);
                ps.setInt(4, i);
                ps.setString(5, sentences[i]);
                ps.executeUpdate();
            }
        }
    }
}
