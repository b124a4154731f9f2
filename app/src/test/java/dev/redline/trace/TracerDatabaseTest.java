package dev.redline.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.ingest.Observation;
import dev.redline.ingest.Recording;
import dev.redline.ingest.Slice;
import dev.redline.ingest.VersionRecorder;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import dev.redline.store.NewVersion;
import dev.redline.store.Store;
import dev.redline.store.TestDatabases;
import dev.redline.store.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index and the reuse relation on both databases (SQLite file, embedded PostgreSQL). */
class TracerDatabaseTest {
    private static final String SHARED_PARAGRAPH = "The Dunmorrow water authority admitted on Friday that "
            + "a valve left open at the Kessington works had drained the reservoir to a third of its usual level.";
    private static final ArticleText ORIGINAL = new ArticleText("Reservoir drained by open valve", null, List.of(
            SHARED_PARAGRAPH,
            "Engineers from the authority were sent to the works overnight and the valve was closed by dawn.",
            "Households in four villages were asked to boil water until tests came back clean next week."));

    @TempDir
    Path dir;

    /** The JDBC URL of the database last opened, for looking at the index's rows directly. */
    private String url;

    private Store open(String db) {
        url = db.equals("postgres") ? TestDatabases.freshPostgresUrl() : TestDatabases.sqliteUrl(dir);
        return Store.open(url);
    }

    /** An article with one version stored by the store alone, without the recording path (so not indexed), as before an upgrade. */
    private static Article unrecorded(Store store, String source, String url, Instant at, ArticleText text) {
        long sourceId = store.source(source).orElseGet(() -> store.addSource(source, List.of(), List.of(), ExtractRules.NONE)).id();
        Article article = store.upsertArticle(url, sourceId, at);
        store.appendVersion(article.id(), new NewVersion(at, text, Set.of(), false, null, null));
        return article;
    }

    private static Article article(Store store, String source, String url, Instant at, ArticleText... versions) {
        long sourceId = store.source(source).orElseGet(() -> store.addSource(source, List.of(), List.of(), ExtractRules.NONE)).id();
        Article article = store.upsertArticle(url, sourceId, at);
        for (ArticleText text : versions) {
            append(store, article.id(), new NewVersion(at, text, Set.of(), false, null, null));
            at = at.plusSeconds(3600);
        }
        return article;
    }

    /** Stores a version and runs the tracer on it, as the recording path does. */
    private static void append(Store store, long articleId, NewVersion version) {
        List<Version> before = store.versions(articleId);
        Version stored = store.appendVersion(articleId, version);
        new Tracer(store).analyse(new Recording(stored, before.isEmpty() ? null : before.getLast(), Recording.Origin.TRACKED));
    }

    private int df(long anchor) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT articles FROM trace_anchor_df WHERE anchor = ?")) {
            ps.setLong(1, anchor);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void countsArticlesPerAnchorOnceAndIgnoresBoilerplateAnchors(String db) throws SQLException {
        try (Store store = open(db)) {
            Tracer tracer = new Tracer(store);
            ArticleText second = new ArticleText("Valve inquiry opens", null, List.of(SHARED_PARAGRAPH,
                    "A retired engineer will lead the inquiry, which reports to the assembly before the summer recess."));
            Article a = article(store, "north-wire", "https://north-wire.example/a", Instant.parse("2026-04-01T08:00:00Z"), ORIGINAL, ORIGINAL);
            Article b = article(store, "north-wire", "https://north-wire.example/b", Instant.parse("2026-04-02T08:00:00Z"), second);

            long sharedAnchor = Fingerprinter.DEFAULT.of(SHARED_PARAGRAPH).anchors()[0];
            assertThat(df(sharedAnchor)).isEqualTo(2);
            assertThat(tracer.index(store.versions(a.id()).getFirst())).isFalse(); // already indexed: no double count
            assertThat(df(sharedAnchor)).isEqualTo(2);
            assertThat(new TraceIndex(store.tracePostings()).indexedVersions()).isEqualTo(3);

            var copy = Fingerprinter.DEFAULT.of(new ArticleText("", null, List.of(SHARED_PARAGRAPH)));
            assertThat(new TraceIndex(store.tracePostings()).candidates(copy, null, 10))
                    .extracting(Candidate::articleId).containsExactlyInAnyOrder(a.id(), b.id());
            // with a threshold of one article, the shared paragraph counts as boilerplate: only bands remain
            assertThat(new TraceIndex(store.tracePostings(), 1).candidates(copy, null, 10))
                    .allMatch(c -> c.anchorHits() == 0);
            assertThat(new TraceIndex(store.tracePostings()).candidates(copy, a.id(), 10))
                    .extracting(Candidate::articleId).containsExactly(b.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aBulkLoadCountsEachArticleOncePerAnchorAcrossVersionsAndCommits(String db) throws SQLException {
        try (Store store = open(db)) {
            ArticleText second = new ArticleText("Valve inquiry opens", null, List.of(SHARED_PARAGRAPH,
                    "A retired engineer will lead the inquiry, which reports to the assembly before the summer recess."));
            Article a = unrecorded(store, "north-wire", "https://north-wire.example/a", Instant.parse("2026-04-01T08:00:00Z"), ORIGINAL);
            store.appendVersion(a.id(), new NewVersion(Instant.parse("2026-04-01T09:00:00Z"), second, Set.of(), false, null, null));
            Article b = unrecorded(store, "south-wire", "https://south-wire.example/b", Instant.parse("2026-04-02T08:00:00Z"), second);
            long sharedAnchor = Fingerprinter.DEFAULT.of(SHARED_PARAGRAPH).anchors()[0];
            List<Version> versionsOfA = store.versions(a.id());
            Version ofB = store.versions(b.id()).getFirst();
            TraceIndex index = new TraceIndex(store.tracePostings());
            try (var bulk = index.bulk()) {
                // both versions of a carry the shared paragraph: one article, counted once
                for (Version v : versionsOfA) {
                    assertThat(bulk.add(a.id(), v.id(), Fingerprinter.DEFAULT.of(v.text()))).isTrue();
                }
                bulk.commit();
                assertThat(bulk.add(a.id(), versionsOfA.getFirst().id(), Fingerprinter.DEFAULT.of(ORIGINAL))).isFalse();
                assertThat(bulk.add(b.id(), ofB.id(), Fingerprinter.DEFAULT.of(second))).isTrue();
                bulk.commit();
            }
            assertThat(df(sharedAnchor)).isEqualTo(2);
            // the one-version path after the bulk: a version already indexed changes nothing
            assertThat(index.add(b.id(), ofB.id(), Fingerprinter.DEFAULT.of(second))).isFalse();
            assertThat(df(sharedAnchor)).isEqualTo(2);
            assertThat(index.indexedVersions()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void recordsReuseOnBothArticlesButNotTheOriginalsLaterVersions(String db) {
        try (Store store = open(db)) {
            Article original = article(store, "north-wire", "https://north-wire.example/valve",
                    Instant.parse("2026-04-01T08:00:00Z"), ORIGINAL);
            ArticleText copied = new ArticleText(ORIGINAL.title(), null, List.of(ORIGINAL.paragraphs().get(0),
                    ORIGINAL.paragraphs().get(1), ORIGINAL.paragraphs().get(2), "Receive News Alerts on our channel", "No Comments yet"));
            Article copy = article(store, "lagoon-courier", "https://lagoon-courier.example/valve",
                    Instant.parse("2026-04-01T12:00:00Z"), copied);
            // the original grows later: it still carries its own first text, which is no reuse of the copy
            ArticleText grown = new ArticleText("Valve blamed as reservoir drains", null, List.of(ORIGINAL.paragraphs().get(0),
                    ORIGINAL.paragraphs().get(1), ORIGINAL.paragraphs().get(2), "The authority's chief executive apologised."));
            append(store, original.id(), new NewVersion(Instant.parse("2026-04-01T18:00:00Z"), grown, Set.of(), false, null, null));

            List<ArticleEvent> onCopy = store.events(copy.id());
            List<ArticleEvent> onOriginal = store.events(original.id());
            assertThat(onCopy).extracting(ArticleEvent::kind).containsExactly(EventKind.REUSES);
            assertThat(onOriginal).extracting(ArticleEvent::kind).containsExactly(EventKind.REUSED_BY);
            Reuse reuse = Json.MAPPER.readValue(onCopy.getFirst().detail(), Reuse.class);
            assertThat(reuse.copyArticle()).isEqualTo(copy.id());
            assertThat(reuse.sourceArticle()).isEqualTo(original.id());
            assertThat(reuse.sourceVersion()).isZero();
            assertThat(reuse.sourceUrl()).isEqualTo("https://north-wire.example/valve");
            assertThat(reuse.containment()).isEqualTo(1.0);
            assertThat(onOriginal.getFirst().detail()).isEqualTo(onCopy.getFirst().detail());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aSlicesVersionsAreIndexedTogetherTraceableAndCheckedForReuseOnlyAcrossSources(String db) {
        try (Store store = open(db)) {
            Tracer tracer = new Tracer(store);
            VersionRecorder recorder = new VersionRecorder(store, List.of(tracer));
            Instant t0 = Instant.parse("2026-04-01T08:00:00Z");
            Article original = sourced(store, "north-wire", "https://north-wire.example/valve", t0);
            Slice first = recorder.slice("worker");
            first.record(original, new Observation(t0, ORIGINAL, null));
            first.commit();

            ArticleText copied = new ArticleText(ORIGINAL.title(), null, List.of(ORIGINAL.paragraphs().get(0),
                    ORIGINAL.paragraphs().get(1), ORIGINAL.paragraphs().get(2), "No Comments yet"));
            Article copy = sourced(store, "lagoon-courier", "https://lagoon-courier.example/valve", t0);
            Article ownRewrite = sourced(store, "north-wire", "https://north-wire.example/valve-later", t0);
            ArticleText unrelated = new ArticleText("Ferry timetable changes", null, List.of("Crossings leave the "
                    + "Kessington quay an hour later from Monday, the harbour office said in a notice on its website."));
            Article other = sourced(store, "lagoon-courier", "https://lagoon-courier.example/ferry", t0);
            Slice second = recorder.slice("worker");
            second.record(ownRewrite, new Observation(t0.plusSeconds(3600), copied, null));
            second.record(copy, new Observation(t0.plusSeconds(3601), copied, null));
            second.record(other, new Observation(t0.plusSeconds(3602), unrelated, null));
            List<Version> stored = second.commit();

            TraceIndex index = new TraceIndex(store.tracePostings());
            assertThat(index.indexedAmong(stored.stream().mapToLong(Version::id).toArray())).hasSize(3);
            assertThat(tracer.unindexedVersions()).isZero();
            assertThat(tracer.trace(unrelated, 5).matches()).extracting(TraceMatch::url)
                    .containsExactly("https://lagoon-courier.example/ferry");
            // the same text in the original's own source is no reuse; the copy in another source reuses both
            assertThat(store.events(ownRewrite.id())).extracting(ArticleEvent::kind).containsExactly(EventKind.REUSED_BY);
            assertThat(store.events(copy.id())).extracting(ArticleEvent::kind).containsExactly(EventKind.REUSES, EventKind.REUSES);
            assertThat(store.events(copy.id())).extracting(e -> Json.MAPPER.readValue(e.detail(), Reuse.class).sourceArticle())
                    .containsExactlyInAnyOrder(original.id(), ownRewrite.id());
            assertThat(store.events(other.id())).isEmpty();
            assertThat(store.events(original.id())).extracting(ArticleEvent::kind).containsExactly(EventKind.REUSED_BY);
        }
    }

    private static Article sourced(Store store, String source, String url, Instant at) {
        long sourceId = store.source(source).orElseGet(() -> store.addSource(source, List.of(), List.of(), ExtractRules.NONE)).id();
        return store.upsertArticle(url, sourceId, at);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void reindexVisitsEveryArticleWhileAnotherProcessAppendsVersions(String db) {
        int articles = Tracer.REINDEX_PAGE + 100; // more than one page
        Instant t0 = Instant.parse("2026-04-01T08:00:00Z");
        try (Store store = open(db); Store serve = Store.open(url)) {
            List<Long> ids = new ArrayList<>();
            Map<Long, Long> firstVersion = new HashMap<>();
            for (int i = 0; i < articles; i++) {
                ArticleText text = new ArticleText("Ferry timetable " + i, null, List.of("Crossing number " + i
                        + " leaves the Kessington quay at a new hour from Monday, the harbour office said."));
                var version = store.importHistory("https://north-wire.example/ferry/" + i, null,
                        List.of(new NewVersion(t0.plusSeconds(60L * i), text, Set.of(), false, null, null))).getFirst();
                ids.add(version.articleId());
                firstVersion.put(version.articleId(), version.id());
            }
            // while the reindex runs, "serve" appends newer versions to articles spread over the whole
            // store, each of which then moves to the front of the by-activity order
            int[] visited = {0};
            Instant[] at = {t0.plusSeconds(86_400)};
            long added = new Tracer(store).reindex(one -> {
                long target = ids.get((visited[0]++ * 7) % ids.size());
                at[0] = at[0].plusSeconds(1);
                serve.appendVersion(target, new NewVersion(at[0], new ArticleText("Ferry timetable changed " + visited[0], null,
                        List.of("The harbour office moved crossing " + visited[0] + " again.")), Set.of(), false, null, null));
            });

            TraceIndex index = new TraceIndex(store.tracePostings());
            assertThat(ids).allSatisfy(id -> assertThat(index.isIndexed(firstVersion.get(id)))
                    .as("version 0 of article %d indexed", id).isTrue());
            assertThat(added).isGreaterThanOrEqualTo(articles);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void reindexIndexesAnImportedStoreAndRecordsTheReuseTrackingWouldHave(String db) {
        try (Store store = open(db)) {
            // stored with no tracer attached, as an import does
            Article original = unrecorded(store, "north-wire", "https://north-wire.example/valve",
                    Instant.parse("2026-04-01T08:00:00Z"), ORIGINAL);
            ArticleText copied = new ArticleText(ORIGINAL.title(), null, List.of(ORIGINAL.paragraphs().get(0),
                    ORIGINAL.paragraphs().get(1), ORIGINAL.paragraphs().get(2), "No Comments yet"));
            Article copy = unrecorded(store, "lagoon-courier", "https://lagoon-courier.example/valve",
                    Instant.parse("2026-04-01T12:00:00Z"), copied);
            Tracer tracer = new Tracer(store);
            assertThat(tracer.unindexedVersions()).isEqualTo(2);

            long[] visited = {0};
            assertThat(tracer.reindex(n -> visited[0] += n)).isEqualTo(2);

            assertThat(visited[0]).isEqualTo(4); // two passes over two versions
            assertThat(tracer.unindexedVersions()).isZero();
            assertThat(store.events(copy.id())).extracting(ArticleEvent::kind).containsExactly(EventKind.REUSES);
            assertThat(store.events(original.id())).extracting(ArticleEvent::kind).containsExactly(EventKind.REUSED_BY);
            // a second repair finds nothing new and records nothing twice
            assertThat(tracer.reindex(n -> { })).isZero();
            assertThat(store.events(copy.id())).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void anIndexFromBeforeTheShingleRowsIsRepairedAcrossAnInterruptionAndTracesTheSame(String db) throws SQLException {
        int articles = Tracer.REINDEX_PAGE + 20; // two pages: the repair is stopped after the first
        try (Store store = open(db)) {
            Instant t0 = Instant.parse("2026-04-01T08:00:00Z");
            for (int i = 0; i < articles; i++) {
                store.importHistory("https://north-wire.example/ferry/" + i, null, List.of(
                        new NewVersion(t0, new ArticleText("Ferry timetable " + i, null, List.of("Crossing number " + i
                                + " leaves the Kessington quay at a new hour from Monday, the harbour office said.")), Set.of(), false, null, null),
                        new NewVersion(t0.plusSeconds(60), new ArticleText("Ferry timetable " + i, null, List.of("Crossing number " + i
                                + " leaves the Kessington quay at a new hour from Tuesday, the harbour office said.")), Set.of(), false, null, null)));
            }
            Tracer tracer = new Tracer(store);
            tracer.indexStored(n -> { }, () -> false);
            assertThat(tracer.staleShingleRows()).isZero();
            String copy = "FERRY TIMETABLE 7\n\nCrossing number 7 leaves the Kessington quay at a new hour from Tuesday, the harbour office said.";
            TraceResult fromRows = new Tracer(store).trace(copy, 3);

            // the index as an upgrade from before migration V46 finds it: postings, no shingle rows
            try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM trace_article_shingles");
            }
            assertThat(tracer.unindexedVersions()).isZero();
            assertThat(tracer.staleShingleRows()).isEqualTo(articles);
            assertThat(new Tracer(store).trace(copy, 3)).as("traced from the versions' text meanwhile").isEqualTo(fromRows);

            int[] pages = {0};
            assertThat(tracer.indexStored(n -> pages[0]++, () -> pages[0] >= 1)).as("no posting written twice").isEmpty();
            assertThat(tracer.staleShingleRows()).isEqualTo(20); // the second page waits for the next run
            assertThat(tracer.indexStored(n -> { }, () -> false)).isEmpty();
            assertThat(tracer.staleShingleRows()).isZero();
            assertThat(new Tracer(store).trace(copy, 3)).isEqualTo(fromRows);
            assertThat(fromRows.matches()).isNotEmpty();
            assertThat(fromRows.matches().getFirst().version()).isEqualTo(1);
        }
    }
}
