package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStatus;
import dev.redline.store.EventKind;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Subscription;
import dev.redline.store.TestDatabases;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import dev.redline.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code source}, {@code history}, {@code import}, {@code export} against real SQLite files. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    Path db() {
        return dir.resolve("data/redline.db");
    }

    CliRun run(String... args) {
        return runOn(db(), args);
    }

    static CliRun runOn(Path db, String... args) {
        return runOn(db.toString(), args);
    }

    static CliRun runOn(String db, String... args) {
        return CliRun.run(Stream.concat(Stream.of("--db", db), Stream.of(args)).toArray(String[]::new));
    }

    static final String HARBOUR = """
            {"url":"https://bugle.example/2026/harbour-crane","source":"bugle","versions":[\
            {"n":0,"fetchedAt":"2026-03-14T08:00:00Z","title":"Crane topples in harbour","byline":null,\
            "paragraphs":["A crane toppled into the harbour on Tuesday.","Nobody was hurt."],"boring":false},\
            {"n":1,"fetchedAt":"2026-03-14T10:30:00Z","title":"Crane topples in harbour, two hurt","byline":"By Ada Quill",\
            "paragraphs":["A crane toppled into the harbour on Tuesday.","Two dock workers were hurt."],"boring":false}]}""";

    static final String OTTERS = """
            {"url":"https://gazette.example/otters","source":null,"versions":[\
            {"fetchedAt":"2026-03-15T07:00:00Z","title":"Otter pups born at zoo","paragraphs":["Three pups were born."]},\
            {"fetchedAt":"2026-03-15T09:00:00Z","title":"Otter pups born at zoo","paragraphs":["Three pups were born.  "],"boring":true}]}""";

    /** A history file as export writes it back: the status after the source, and the (empty) events last. */
    static String asExported(String history) {
        return history.replaceFirst("(\"source\":(null|\"[^\"]*\")),", "$1,\"status\":\"settled\",")
                .replaceFirst("}$", ",\"events\":[]}");
    }

    Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    // --- source ----------------------------------------------------------------------------------

    @Test
    void sourceAddListRemove() {
        CliRun added = run("source", "add", "daily-planet", "--feed", "https://planet.example/rss", "--feed",
                "https://planet.example/atom", "--sitemap", "https://planet.example/news.xml",
                "--body-selector", "div.story > p", "--title-selector", "h1.headline", "--remove-selector", ".ad");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("added source daily-planet: 2 feeds, 1 sitemap");

        CliRun list = run("source", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("daily-planet").contains("feed    https://planet.example/atom")
                .contains("sitemap https://planet.example/news.xml").containsPattern("daily-planet\\s+ok");
        assertThat(run("source", "list", "--format", "json").out()).contains("\"verdict\"").contains("\"h1.headline\"");

        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            Source s = store.source("daily-planet").orElseThrow();
            // a WebSub subscription shows under its source, the hub's denial reason sanitised
            Subscription sub = store.subscriptions().addSubscription(s.id(), "https://planet.example/atom",
                    "https://hub.example/", "https://planet.example/atom", "key", "secret", Instant.parse("2026-11-20T08:00:00Z"));
            store.subscriptions().updateSubscription(new Subscription(sub.id(), s.id(), sub.feedUrl(), sub.hub(), sub.topic(),
                    "key", "secret", Subscription.State.DENIED, null, null, Instant.parse("2026-11-20T08:00:30Z"), 1,
                    "denied by the hub: no \u001b[31mway", null, 0, 0), Subscription.State.NEW);
            assertThat(run("source", "list").out())
                    .contains("push    https://hub.example/ (denied; next try 2026-11-20T08:00:30Z; 0 received): denied by the hub: no")
                    .doesNotContain("\u001b");
            assertThat(run("source", "list", "--format", "json").out()).contains("\"push\" : [ {")
                    .contains("\"state\" : \"denied\"").contains("\"hub\" : \"https://hub.example/\"")
                    .doesNotContain("\"secret\"").doesNotContain("\"key\"");
            assertThat(s.rules().bodySelectors()).containsExactly("div.story > p");
            assertThat(s.rules().titleSelector()).isEqualTo("h1.headline");
            assertThat(s.rules().removeSelectors()).containsExactly(".ad");
        }

        CliRun removed = run("source", "remove", "daily-planet");
        assertThat(removed.code()).isZero();
        assertThat(run("source", "list").out()).contains("no sources yet");
    }

    @Test
    void sourceMistakesAreExit2WithAClearMessage() {
        assertThat(run("source", "add", "bugle", "--feed", "https://bugle.example/feed").code()).isZero();
        CliRun duplicate = run("source", "add", "bugle", "--feed", "https://other.example/feed");
        assertThat(duplicate.code()).isEqualTo(2);
        assertThat(duplicate.err()).contains("redline: ").contains("'bugle' already exists");

        CliRun noFeed = run("source", "add", "gazette");
        assertThat(noFeed.code()).isEqualTo(2);
        assertThat(noFeed.err()).contains("--feed or --sitemap");

        CliRun badUrl = run("source", "add", "gazette", "--feed", "ftp://gazette.example/feed");
        assertThat(badUrl.code()).isEqualTo(2);
        assertThat(badUrl.err()).contains("ftp://gazette.example/feed").contains("http(s)");

        CliRun badCss = run("source", "add", "gazette", "--feed", "https://gazette.example/feed", "--body-selector", "div[[");
        assertThat(badCss.code()).isEqualTo(2);
        assertThat(badCss.err()).contains("--body-selector 'div[['");

        CliRun unknown = run("source", "remove", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no source named 'nope'");

        assertThat(run("source", "list").out()).contains("bugle").doesNotContain("gazette");
    }

    // --- import / history / export -----------------------------------------------------------

    @Test
    void importedHistoryComesBackInExactlyTheHistoryShape() throws IOException {
        Path file = write("harbour.json", HARBOUR);
        CliRun imported = run("import", file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 1 history: 2 versions added");

        CliRun json = run("history", "https://bugle.example/2026/harbour-crane", "--format", "json");
        assertThat(json.code()).isZero();
        assertThat(exchangeShape(json.out())).isEqualTo(asExported(HARBOUR));
        // the imported history gets change kinds like a tracked one: "Nobody was hurt" → "Two dock workers were hurt"
        JsonNode v1 = Json.MAPPER.readTree(json.out()).get("versions").get(1);
        assertThat(v1.get("stealth").asBoolean()).isTrue();
        assertThat(v1.get("facts").findValuesAsString("old")).contains("Nobody was hurt.");
        assertThat(Json.MAPPER.readTree(json.out()).get("headlineTests").isEmpty()).isTrue();

        CliRun text = run("history", "https://bugle.example/2026/harbour-crane");
        assertThat(text.out()).as(text.err()).contains("source bugle").contains("2 versions")
                .contains("v1   2026-03-14T10:30:00Z  changed title, byline, body")
                .contains("Crane topples in harbour, two hurt");

        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            List<Version> versions = store.versions(store.articleByUrl("https://bugle.example/2026/harbour-crane").orElseThrow().id());
            assertThat(versions.get(1).changed()).containsExactlyInAnyOrder(VersionField.TITLE, VersionField.BYLINE, VersionField.BODY);
            assertThat(store.source("bugle").orElseThrow().feeds()).isEmpty();
        }
    }

    @Test
    void importIsIdempotentAndReadsJsonLines() throws IOException {
        Path file = write("two.jsonl", HARBOUR + "\n" + OTTERS + "\n");
        assertThat(run("import", file.toString()).code()).isZero();
        CliRun again = run("import", file.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("0 versions added");
        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            assertThat(store.articleCount()).isEqualTo(2);
            assertThat(store.versionCount()).isEqualTo(4);
            Version v1 = store.versions(store.articleByUrl("https://gazette.example/otters").orElseThrow().id()).get(1);
            assertThat(v1.boring()).isTrue();
            assertThat(v1.changed()).isEmpty(); // only whitespace differs
        }
    }

    @Test
    void aHistoryWithNewerVersionsExtendsTheStoredOne() throws IOException {
        assertThat(run("import", write("h.json", HARBOUR).toString()).code()).isZero();
        String longer = HARBOUR.replace("]}", ",{\"n\":2,\"fetchedAt\":\"2026-03-14T12:00:00Z\",\"title\":\"Crane topples, two hurt\","
                + "\"byline\":\"By Ada Quill\",\"paragraphs\":[\"Two dock workers were hurt.\"],\"boring\":false}]}");
        CliRun more = run("import", write("h2.json", longer).toString());
        assertThat(more.code()).as(more.err()).isZero();
        assertThat(more.out()).contains("imported 1 history: 1 version added");
        assertThat(exchangeShape(run("history", "https://bugle.example/2026/harbour-crane", "--format", "json").out())).isEqualTo(asExported(longer));
    }

    @Test
    void badFilesAreRefusedWithFileAndLineAndChangeNothing() throws IOException {
        assertThat(run("import", write("ok.json", OTTERS).toString()).code()).isZero();
        Path broken = write("broken.jsonl", HARBOUR + "\n" + HARBOUR.replace("https://bugle", "https://other") + "\n{\"url\": oops}\n");
        CliRun syntax = run("import", broken.toString());
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.err()).contains(broken + ":3:").contains("not valid JSON at 'oops}'")
                .doesNotContain("Unexpected character").doesNotContain("code ").doesNotContain("Exception");
        Path cut = write("cut.json", OTTERS.substring(0, OTTERS.length() / 2));
        CliRun truncated = run("import", cut.toString());
        assertThat(truncated.err()).contains(cut + ":1:").contains("ends inside an unfinished")
                .doesNotContain("end-of-input").doesNotContain("Exception");

        Path badTime = write("time.json", "\n\n" + HARBOUR.replace("2026-03-14T10:30:00Z", "yesterday"));
        CliRun time = run("import", badTime.toString());
        assertThat(time.code()).isEqualTo(2);
        assertThat(time.err()).contains(badTime + ":3").contains("versions[1]").contains("'yesterday'");

        Path backwards = write("back.json", HARBOUR.replace("2026-03-14T10:30:00Z", "2026-03-13T10:30:00Z"));
        assertThat(run("import", backwards.toString()).err()).contains("back in time");
        Path noParagraphs = write("nop.json", OTTERS.replace("\"paragraphs\":[\"Three pups were born.\"]", "\"paragraphs\":\"Three\""));
        assertThat(run("import", noParagraphs.toString()).err()).contains("\"paragraphs\" must be an array of strings");
        Path array = write("array.json", "[" + OTTERS + "]");
        assertThat(run("import", array.toString()).err()).contains(array + ":1").contains("expected a JSON object");
        Path missing = dir.resolve("missing.json");
        assertThat(run("import", missing.toString()).err()).contains(missing + ": no such file");

        // A good file listed before a bad one is not imported either: files are all checked first.
        CliRun mixed = run("import", write("good.json", HARBOUR).toString(), broken.toString());
        assertThat(mixed.code()).isEqualTo(2);
        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            assertThat(store.articleCount()).isEqualTo(1);
            assertThat(store.versionCount()).isEqualTo(2);
            assertThat(store.articleByUrl("https://bugle.example/2026/harbour-crane")).isEmpty();
        }
    }

    @Test
    void aHistoryThatWouldRewriteThePastIsRefusedWhole() throws IOException {
        assertThat(run("import", write("h.json", HARBOUR).toString()).code()).isZero();
        // A different text at an earlier time than stored version 1: versions are append-only.
        String rewritten = HARBOUR.replace("Nobody was hurt.", "Nobody was hurt, police said.")
                .replace("2026-03-14T08:00:00Z", "2026-03-14T09:00:00Z")
                .replace("2026-03-14T10:30:00Z", "2026-03-14T11:00:00Z");
        CliRun refused = run("import", write("r.jsonl", OTTERS + "\n" + rewritten + "\n").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("1 history refused, nothing of it written; ").contains("r.jsonl:2").contains("append-only");
        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            assertThat(store.versions(store.articleByUrl("https://bugle.example/2026/harbour-crane").orElseThrow().id())).hasSize(2);
            assertThat(store.articleByUrl("https://gazette.example/otters")).isPresent(); // the good history went in
        }
    }

    @Test
    void exportAndImportKeepGoneAndTheEvents() throws IOException {
        assertThat(run("import", write("h.json", HARBOUR).toString()).code()).isZero();
        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            long id = store.articleByUrl("https://bugle.example/2026/harbour-crane").orElseThrow().id();
            store.recordEvent(new ArticleEvent(id, java.time.Instant.parse("2026-03-14T11:00:00Z"), EventKind.REDIRECTED,
                    "https://bugle.example/2026/crane"));
            store.recordEvent(new ArticleEvent(id, java.time.Instant.parse("2026-03-15T08:00:00Z"), EventKind.GONE, "HTTP 410"));
            assertThat(store.importLifecycle(id, ArticleStatus.GONE, List.of())).isZero();
        }
        Path exported = dir.resolve("all.jsonl");
        assertThat(run("export", "--out", exported.toString()).code()).isZero();
        String line = Files.readString(exported).strip();
        assertThat(line).contains("\"status\":\"gone\"")
                .contains("{\"at\":\"2026-03-15T08:00:00Z\",\"kind\":\"gone\",\"detail\":\"HTTP 410\"}");

        Path otherDb = dir.resolve("other/redline.db");
        CliRun imported = runOn(otherDb, "import", exported.toString());
        assertThat(imported.out()).contains("2 versions added, 2 events kept");
        assertThat(runOn(otherDb, "import", exported.toString()).out()).contains("0 versions added").doesNotContain("event");
        try (Store other = Store.open("jdbc:sqlite:" + otherDb)) {
            var article = other.articleByUrl("https://bugle.example/2026/harbour-crane").orElseThrow();
            assertThat(article.status()).isEqualTo(ArticleStatus.GONE);
            assertThat(article.nextCheck()).isNull();
            assertThat(other.events(article.id())).extracting(ArticleEvent::kind)
                    .containsExactly(EventKind.REDIRECTED, EventKind.GONE);
        }
        Path again = dir.resolve("again.jsonl");
        assertThat(runOn(otherDb, "export", "--out", again.toString()).code()).isZero();
        assertThat(Files.readString(again).strip()).isEqualTo(line);

        Path badKind = write("bad.json", line.replace("\"kind\":\"gone\"", "\"kind\":\"vanished\""));
        assertThat(runOn(otherDb, "import", badKind.toString()).err()).contains("events[1]").contains("unknown article event kind 'vanished'");
    }

    @Test
    void exportRoundTripsThroughImport() throws IOException {
        assertThat(run("import", write("two.jsonl", HARBOUR + "\n" + OTTERS).toString()).code()).isZero();
        Path exported = dir.resolve("out/all.jsonl");
        CliRun export = run("export", "--out", exported.toString());
        assertThat(export.code()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).isEqualTo(asExported(HARBOUR));

        Path otherDb = dir.resolve("other/redline.db");
        assertThat(runOn(otherDb, "import", exported.toString()).code()).isZero();
        Path again = dir.resolve("again.jsonl");
        assertThat(runOn(otherDb, "export", "--out", again.toString()).code()).isZero();
        assertThat(Files.readAllLines(again)).isEqualTo(lines);

        CliRun stdout = run("export");
        assertThat(stdout.out().lines().toList()).isEqualTo(lines);

        Path folder = Files.createDirectories(dir.resolve("per-article"));
        assertThat(run("export", "--out", folder.toString()).code()).isZero();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> written = files.sorted().toList();
            assertThat(written).hasSize(2);
            assertThat(Files.readString(written.getFirst()).strip()).isEqualTo(asExported(HARBOUR));
        }
    }

    @Test
    void exportToAFolderThatDoesNotExistYetWritesOneFilePerArticle() throws IOException {
        assertThat(run("import", write("two.jsonl", HARBOUR + "\n" + OTTERS).toString()).code()).isZero();
        Path folder = dir.resolve("exports/new");
        CliRun export = run("export", "--out", folder + "/");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(folder).isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> written = files.sorted().toList();
            assertThat(written).extracting(p -> p.getFileName().toString()).allMatch(name -> name.matches("article-\\d+\\.json"));
            assertThat(written).hasSize(2);
            assertThat(Files.readString(written.getFirst()).strip()).isEqualTo(asExported(HARBOUR));
        }

        Path aFile = write("taken", "not a folder\n");
        CliRun refused = run("export", "--out", aFile + "/");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("asks for a folder").contains(aFile.toString());
        assertThat(Files.readString(aFile)).isEqualTo("not a folder\n");
    }

    @Test
    void importJudgesBoringChangesWithTheDiffEngineUnlessTheFileSays() throws IOException {
        String punctuation = """
                {"url":"https://gazette.example/fair","source":"gazette","versions":[\
                {"fetchedAt":"2026-03-15T07:00:00Z","title":"Fair opens","paragraphs":["The county fair opened on Friday"]},\
                {"fetchedAt":"2026-03-15T08:00:00Z","title":"Fair opens","paragraphs":["The county fair opened on Friday."]},\
                {"fetchedAt":"2026-03-15T09:00:00Z","title":"Fair opens","paragraphs":["The county fair opened on Saturday."]},\
                {"fetchedAt":"2026-03-15T10:00:00Z","title":"Fair opens","paragraphs":["The county fair opened on Saturday!"],"boring":false}]}""";
        assertThat(run("import", write("fair.json", punctuation).toString()).code()).isZero();
        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            List<Version> versions = store.versions(store.articleByUrl("https://gazette.example/fair").orElseThrow().id());
            assertThat(versions).extracting(Version::boring).containsExactly(false, true, false, false);
            assertThat(versions.get(1).boringReason()).isNotBlank();
            assertThat(versions.get(1).changed()).containsExactly(VersionField.BODY);
        }
    }

    @Test
    void newsEditsExportHasOneRowPerSentenceOperation() throws IOException {
        assertThat(run("import", write("two.jsonl", HARBOUR + "\n" + OTTERS).toString()).code()).isZero();
        CliRun r = run("export", "--format", "newsedits");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = r.out().lines().toList();
        // Harbour v0 -> v1: one sentence kept, one replaced (delete + add); otters v0 -> v1: whitespace only.
        assertThat(rows).hasSize(4);
        assertThat(rows.getFirst()).isEqualTo("{\"url\":\"https://bugle.example/2026/harbour-crane\",\"source\":\"bugle\","
                + "\"versionOld\":0,\"versionNew\":1,\"fetchedAtOld\":\"2026-03-14T08:00:00Z\",\"fetchedAtNew\":\"2026-03-14T10:30:00Z\","
                + "\"op\":\"same\",\"oldIndex\":0,\"newIndex\":0,\"oldIndexEnd\":null,\"newIndexEnd\":null,"
                + "\"old\":\"A crane toppled into the harbour on Tuesday.\",\"new\":\"A crane toppled into the harbour on Tuesday.\","
                + "\"boring\":false}");
        assertThat(rows.get(1)).contains("\"op\":\"delete\"").contains("\"oldIndex\":1").contains("\"old\":\"Nobody was hurt.\"");
        assertThat(rows.get(2)).contains("\"op\":\"add\"").contains("\"newIndex\":1").contains("\"new\":\"Two dock workers were hurt.\"");
        assertThat(rows.get(3)).contains("\"url\":\"https://gazette.example/otters\"").contains("\"source\":null")
                .contains("\"op\":\"same\"").contains("\"boring\":true");
        assertThat(run("export", "--format", "csv").code()).isEqualTo(2);
    }

    @Test
    void theCommandsWorkOnPostgresToo() throws IOException {
        String pg = TestDatabases.freshPostgresUrl();
        assertThat(runOn(pg, "source", "add", "bugle", "--feed", "https://bugle.example/feed").code()).isZero();
        Path file = write("two.jsonl", HARBOUR + "\n" + OTTERS);
        assertThat(runOn(pg, "import", file.toString()).code()).isZero();
        assertThat(runOn(pg, "import", file.toString()).out()).contains("0 versions added");
        assertThat(exchangeShape(runOn(pg, "history", "https://bugle.example/2026/harbour-crane", "--format", "json").out()))
                .isEqualTo(asExported(HARBOUR));
        List<String> exported = runOn(pg, "export").out().lines().toList();
        assertThat(exported).hasSize(2);
        assertThat(exported.getFirst()).isEqualTo(asExported(HARBOUR));
        assertThat(exported.get(1)).startsWith("{\"url\":\"https://gazette.example/otters\",\"source\":null,")
                .contains("\"n\":1,").contains("\"byline\":null").contains("\"boring\":true");
        CliRun list = runOn(pg, "source", "list");
        assertThat(list.out()).contains("bugle");
    }

    @Test
    void historyFindsAnArticleByAnyFormOfItsUrlOrByItsId() throws IOException {
        assertThat(run("import", write("h.json", HARBOUR).toString()).code()).isZero();
        long id;
        try (Store store = Store.open("jdbc:sqlite:" + db())) {
            id = store.articleByUrl("https://bugle.example/2026/harbour-crane").orElseThrow().id();
        }
        for (String ref : List.of("https://BUGLE.example:443/2026/harbour-crane/?utm_source=newsletter&fbclid=x#top",
                "https://bugle.example/2026/harbour-crane/", Long.toString(id))) {
            CliRun r = run("history", ref);
            assertThat(r.code()).as(ref + "\n" + r.err()).isZero();
            assertThat(r.out()).as(ref).startsWith("https://bugle.example/2026/harbour-crane\n").contains("2 versions");
        }
        CliRun unknownId = run("history", "987654");
        assertThat(unknownId.code()).isEqualTo(2);
        assertThat(unknownId.err()).contains("no tracked article with id 987654");
        CliRun notAUrl = run("history", "ftp://bugle.example/x");
        assertThat(notAUrl.code()).isEqualTo(2);
        assertThat(notAUrl.err()).contains("not an absolute http(s) URL");
    }

    @Test
    void historyOfAnUnknownArticleIsExit2() {
        CliRun r = run("history", "https://bugle.example/never");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no tracked article with URL https://bugle.example/never");
    }

    @Test
    void aDbThatIsNotADatabaseIsExit2AndUntouched() throws IOException {
        Path notes = write("notes.txt", "Remember: buy rope for the harbour crane story.\n");
        CliRun r = runOn(notes, "source", "list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(notes.toString()).contains("not a SQLite database");
        assertThat(Files.readString(notes)).isEqualTo("Remember: buy rope for the harbour crane story.\n");
        CliRun imp = runOn(notes, "import", write("h.json", HARBOUR).toString());
        assertThat(imp.code()).isEqualTo(2);
        assertThat(Files.readString(notes)).isEqualTo("Remember: buy rope for the harbour crane story.\n");
    }

    @Test
    void controlCharactersFromSitesNeverReachTheTerminal() throws IOException {
        String evil = HARBOUR.replace("Crane topples in harbour, two hurt", "Crane \\u001b]0;pwned\\u0007 topples");
        assertThat(run("import", write("evil.json", evil).toString()).code()).isZero();
        CliRun text = run("history", "https://bugle.example/2026/harbour-crane");
        // the article model drops control characters on the way in, so none can be printed
        assertThat(text.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("Crane ]0;pwned topples");
    }

    /** A history's JSON without the change kinds {@code history} adds: the exchange shape import reads. */
    private static String exchangeShape(String historyJson) {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(historyJson);
        root.remove("headlineTests");
        root.get("versions").forEach(v -> ((ObjectNode) v).remove(List.of("notes", "stealth", "facts")));
        return Json.write(root);
    }
}
