package dev.redline.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.change.Changes;
import dev.redline.change.VersionChange;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.store.Article;
import dev.redline.store.ChangeStore;
import dev.redline.store.Store;
import dev.redline.store.TestDatabases;
import dev.redline.store.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored change facets against read-time ones, on a real SQLite file and a real (embedded)
 * PostgreSQL: a tracked and an imported history recorded with {@link ChangeFacets} store exactly what
 * {@link Changes} computes from the versions, {@link EditingHistory} answers the same with stored,
 * missing and backfilled facets, and facets of older rules are redone.
 */
class ChangeFacetsTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final List<String> BODY = List.of("The city council approved the housing budget on Tuesday.",
            "The plan sets aside 12 million pounds for new homes.", "Councillor Helen Okoro drafted it.");

    @TempDir
    static Path dir;

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgres");
    }

    private static Store open(String kind, String name) {
        return Store.open(kind.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve(name + ".db") : TestDatabases.freshPostgresUrl());
    }

    /** A stealth figure change, a correction note, then a deleted sentence. */
    private static List<ArticleText> texts() {
        List<String> changed = List.of(BODY.get(0), "The plan sets aside 21 million pounds for new homes.", BODY.get(2));
        List<String> corrected = new ArrayList<>(changed);
        corrected.add("Correction: An earlier version of this article gave the wrong figure for the plan.");
        List<String> deleted = List.of(corrected.get(0), corrected.get(1), corrected.get(3));
        return List.of(new ArticleText("Council passes housing budget", null, BODY),
                new ArticleText("Council passes housing budget", null, changed),
                new ArticleText("Council passes housing budget", null, corrected),
                new ArticleText("Council passes housing budget", null, deleted));
    }

    private static List<VersionChange> readTime(List<Version> versions) {
        List<VersionChange> out = new ArrayList<>();
        for (Version v : versions) {
            out.add(v.number() == 0 ? Changes.first(v.text()) : Changes.between(versions.get(v.number() - 1).text(), v.text()));
        }
        return out;
    }

    private static List<VersionChange> stored(Store store, Article a, List<Version> versions) {
        Map<Long, VersionChange> stored = store.changes(a.id(), ChangeFacets.RULES);
        return versions.stream().map(v -> stored.get(v.id())).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void trackedAndImportedHistoriesStoreTheReadTimeFacets(String db) {
        try (Store store = open(db, "recorded")) {
            long source = store.addSource("daily", List.of("http://127.0.0.1:9/daily.xml"), List.of(), ExtractRules.NONE).id();
            VersionRecorder recorder = new VersionRecorder(store, List.of(new ChangeFacets(store)));
            Article tracked = store.upsertArticle("https://daily.example/tracked", source, T0);
            List<ArticleText> texts = texts();
            for (int k = 0; k < texts.size(); k++) {
                recorder.record(store.article(tracked.id()).orElseThrow(), new Observation(T0.plusSeconds(3600L * k), texts.get(k), null));
            }
            List<VersionRecorder.Archived> entries = new ArrayList<>();
            for (int k = 0; k < texts.size(); k++) {
                entries.add(new VersionRecorder.Archived(new Observation(T0.plusSeconds(3600L * k), texts.get(k), null), null));
            }
            recorder.recordHistory("https://daily.example/imported", source, entries);
            Article imported = store.articleByUrl("https://daily.example/imported").orElseThrow();

            EditingHistory editing = new EditingHistory(store);
            for (Article a : List.of(tracked, imported)) {
                List<Version> versions = store.versions(a.id());
                assertThat(versions).hasSize(4);
                List<VersionChange> expected = readTime(versions);
                assertThat(stored(store, a, versions)).containsExactlyElementsOf(expected);
                assertThat(editing.article(store.article(a.id()).orElseThrow(), T0).changes()).containsExactlyElementsOf(expected);
            }
            // the cases the detectors are there for, so the comparison above compares something
            List<VersionChange> kinds = stored(store, tracked, store.versions(tracked.id()));
            assertThat(kinds.get(1).stealth()).isTrue();
            assertThat(kinds.get(2).notes()).hasSize(1);
            assertThat(kinds.get(3).stealth()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void backfillFillsWhatWasRecordedWithoutFacetsAndRedoesOlderRules(String db) {
        try (Store store = open(db, "backfill")) {
            VersionRecorder plain = new VersionRecorder(store);
            List<VersionRecorder.Archived> entries = new ArrayList<>();
            List<ArticleText> texts = texts();
            for (int k = 0; k < texts.size(); k++) {
                entries.add(new VersionRecorder.Archived(new Observation(T0.plusSeconds(3600L * k), texts.get(k), null), null));
            }
            for (int i = 0; i < 3; i++) {
                plain.recordHistory("https://daily.example/story-" + i, null, entries);
            }
            Article first = store.articleByUrl("https://daily.example/story-0").orElseThrow();
            List<Version> versions = store.versions(first.id());
            EditingHistory editing = new EditingHistory(store);
            List<VersionChange> before = editing.article(first, T0).changes();
            assertThat(store.changes(first.id(), ChangeFacets.RULES)).isEmpty();
            assertThat(before).containsExactlyElementsOf(readTime(versions));

            // a facet of other rules counts as missing and is replaced
            store.saveChanges(List.of(new ChangeStore.StoredChange(versions.get(1).id(), first.id(), ChangeFacets.RULES - 1,
                    VersionChange.NONE)));
            assertThat(store.articlesLackingChanges(0, ChangeFacets.RULES, 10)).hasSize(3);
            List<Long> progress = new ArrayList<>();
            long filled = new ChangeFacets(store).backfill(2, progress::add);

            assertThat(filled).isEqualTo(12);
            assertThat(progress).containsExactly(3L);
            assertThat(store.articlesLackingChanges(0, ChangeFacets.RULES, 10)).isEmpty();
            assertThat(store.splits().unsplitCount()).as("the splits it made are kept").isZero();
            assertThat(store.versions(first.id())).containsExactlyElementsOf(versions);
            assertThat(stored(store, first, versions)).containsExactlyElementsOf(before);
            assertThat(editing.article(first, T0).changes()).containsExactlyElementsOf(before);
            assertThat(new ChangeFacets(store).backfill(2, progress::add)).isZero();
        }
    }
}
