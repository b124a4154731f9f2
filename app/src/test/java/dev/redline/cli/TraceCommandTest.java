package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import dev.redline.store.Source;
import dev.redline.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TraceCommandTest {
    private static final List<String> BODY = List.of(
            "The lighthouse keepers of Saltreach walked out on Sunday after the maritime board cut their night allowance by a third.",
            "Union organiser Petra Auclair said eleven keepers had left their towers and that ships had been warned by radio.",
            "The board said automatic lamps would cover the coast for a week while talks continued in New Bramley.");

    /** An article stored before the index existed: two versions, the headline changed in the second. */
    private static String seed(Path db) {
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            Source source = store.addSource("coast-chronicle", List.of(), List.of(), ExtractRules.NONE);
            Article article = store.upsertArticle("https://coast-chronicle.example/keepers", source.id(),
                    Instant.parse("2026-05-03T07:00:00Z"));
            store.appendVersion(article.id(), new NewVersion(Instant.parse("2026-05-03T07:00:00Z"),
                    new ArticleText("Lighthouse keepers walk out over pay", null, BODY), Set.of(), false, null, null));
            store.appendVersion(article.id(), new NewVersion(Instant.parse("2026-05-03T13:00:00Z"),
                    new ArticleText("Saltreach keepers strike as board blames budget", null, BODY), Set.of(), false, null, null));
            return article.url();
        }
    }

    @Test
    void indexesAnOldStoreFirstThenTracesAFileToTheEarliestVersion(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("r.db");
        String url = seed(db);
        Path copy = dir.resolve("copy.txt");
        Files.writeString(copy, "LIGHTHOUSE KEEPERS WALK OUT OVER PAY\n\n" + String.join("\n", BODY)
                + "\nReceive News Alerts on our channel every morning\nNo Comments yet\n");

        // a store from before the index: the first trace indexes it, then answers (no manual step)
        CliRun first = run("--db", db.toString(), "trace", "--format", "json", copy.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("2 stored versions are not in the trace index yet; indexing them first");
        assertThat(Json.MAPPER.readTree(first.out()).get("matches").get(0).get("url").asString()).isEqualTo(url);

        // the repair tool finds nothing left to do
        CliRun reindex = run("--db", db.toString(), "trace", "--reindex");
        assertThat(reindex.code()).as(reindex.err()).isZero();

        CliRun after = run("--db", db.toString(), "trace", "--format", "json", copy.toString());
        assertThat(after.err()).isEmpty();
        JsonNode match = Json.MAPPER.readTree(after.out()).get("matches").get(0);
        assertThat(match.get("url").asString()).isEqualTo(url);
        assertThat(match.get("source").asString()).isEqualTo("coast-chronicle");
        assertThat(match.get("version").asInt()).isZero();
        assertThat(match.get("fetchedAt").asString()).isEqualTo("2026-05-03T07:00:00Z");
        assertThat(match.get("tiedVersions").toString()).isEqualTo("[0]");
        assertThat(match.get("containment").asDouble()).isEqualTo(1.0);
        assertThat(match.get("coverage").asDouble()).isBetween(0.6, 0.99);
        assertThat(match.has("diff")).isTrue();
        assertThat(match.get("diff").has("ops")).isTrue();
        // the headline is what separates the versions: the copy carries version 0's
        JsonNode evidence = match.get("evidence").get(0);
        assertThat(evidence.get("kind").asString()).isEqualTo("headline");
        assertThat(evidence.get("carried").asBoolean()).isTrue();
        assertThat(evidence.get("text").asString()).isEqualTo("Lighthouse keepers");
        assertThat(evidence.get("instead").asString()).isEqualTo("Saltreach keepers");
        assertThat(evidence.get("supports").toString()).isEqualTo("[0]");
        assertThat(evidence.get("contradicts").toString()).isEqualTo("[1]");
        assertThat(evidence.get("from").asInt()).isZero();
        assertThat(evidence.get("to").asInt()).isEqualTo(1);

        CliRun text = run("--db", db.toString(), "trace", copy.toString());
        assertThat(text.out()).contains(url).contains("version 0 of 2026-05-03T07:00:00Z")
                .contains("evidence: headline: the copy carries \"Lighthouse keepers\" as in version 0; version 1 says \"Saltreach keepers\"");
    }

    @Test
    void badInputIsAUserError(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("r.db");
        seed(db);
        CliRun missing = run("--db", db.toString(), "trace", dir.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("no such file");
        Path binary = dir.resolve("scan.txt");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        CliRun notText = run("--db", db.toString(), "trace", binary.toString());
        assertThat(notText.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(notText.err()).contains("looks like a binary file");
        CliRun none = run("--db", db.toString(), "trace");
        assertThat(none.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(none.err()).contains("missing INPUT");
        CliRun limit = run("--db", db.toString(), "trace", "--limit", "0", "-");
        assertThat(limit.err()).contains("--limit must be at least 1");
    }
}
