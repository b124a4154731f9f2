package dev.redline.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.change.Changes;
import dev.redline.change.VersionChange;
import dev.redline.diff.SplitText;
import dev.redline.editing.EditingHistory;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.TestDatabases;
import dev.redline.store.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Splits kept as versions are recorded (tracked and imported), and the backfill of a store whose
 * versions were recorded without them, on a real SQLite file and a real (embedded) PostgreSQL.
 */
class VersionSplitsTest {
    private static final Instant T0 = Instant.parse("2026-06-02T05:00:00Z");
    private static final List<ArticleText> TEXTS = List.of(
            new ArticleText("Ferry strike called", "By Ada Quill", List.of(
                    "Ferry crews will strike on Friday. The union said talks had failed.",
                    "Mr. Hale of the U.S. Maritime Board called the move regrettable.")),
            new ArticleText("Ferry strike called off", "By Ada Quill", List.of(
                    "Ferry crews will not strike on Friday. The union said talks had resumed overnight.",
                    "Mr. Hale of the U.S. Maritime Board called the move regrettable and urged a return to talks.")),
            new ArticleText("Ferry strike called off after talks", "By Ada Quill", List.of(
                    "Mr. Hale of the U.S. Maritime Board called the move regrettable and urged a return to talks.",
                    "Ferry crews will not strike on Friday. The union said talks had resumed overnight.",
                    "A correction: an earlier version misnamed the board.")));

    @TempDir
    Path dir;

    private String url(String database) {
        return database.equals("sqlite") ? TestDatabases.sqliteUrl(dir) : TestDatabases.freshPostgresUrl();
    }

    private static List<Version> track(Store store, VersionRecorder recorder, String url) {
        for (int n = 0; n < TEXTS.size(); n++) {
            Article a = store.upsertArticle(url, null, T0);
            recorder.record(a, new Observation(T0.plusSeconds(3600L * n), TEXTS.get(n), null));
        }
        return store.versions(store.articleByUrl(url).orElseThrow().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void everyRecordedVersionIsKeptSplitAsSplittingItAgainWould(String database) {
        try (Store store = Store.open(url(database))) {
            VersionRecorder recorder = new VersionRecorder(store, List.of(new VersionSplits(store.splits())));
            List<Version> tracked = track(store, recorder, "https://port.example/ferry");
            List<Version> imported = recorder.recordHistory("https://port.example/ferry-archive", null, TEXTS.stream()
                    .map(t -> new VersionRecorder.Archived(new Observation(T0.plusSeconds(TEXTS.indexOf(t)), t, null), null)).toList());
            assertThat(tracked).hasSize(3);
            assertThat(imported).hasSize(3);
            VersionSplits splits = new VersionSplits(store.splits());
            assertThat(splits.missing()).isZero();
            List<Version> all = new ArrayList<>(tracked);
            all.addAll(imported);
            assertThat(store.splits().splits(all)).containsExactlyElementsOf(all.stream().map(v -> SplitText.of(v.text())).toList());
            assertThat(tracked.get(1).boring()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aStoreRecordedWithoutSplitsReadsTheSameChangesAndIsFilledIn(String database) {
        try (Store store = Store.open(url(database))) {
            VersionRecorder withoutSplits = new VersionRecorder(store);
            List<Version> first = track(store, withoutSplits, "https://port.example/ferry");
            track(store, withoutSplits, "https://port.example/ferry-2");
            VersionSplits splits = new VersionSplits(store.splits());
            // the recorder read the split of each version it compared with, and reads write nothing
            assertThat(splits.missing()).isEqualTo(6);
            assertThat(store.splits().unsplit(0, 10)).extracting(Version::number).containsExactly(0, 1, 2, 0, 1, 2);

            Article article = store.articleByUrl("https://port.example/ferry").orElseThrow();
            List<VersionChange> changes = new EditingHistory(store).article(article, T0.plusSeconds(86_400)).changes();
            assertThat(changes).containsExactly(Changes.first(TEXTS.get(0)), Changes.between(TEXTS.get(0), TEXTS.get(1)),
                    Changes.between(TEXTS.get(1), TEXTS.get(2)));
            assertThat(splits.missing()).as("a read never writes").isEqualTo(6);

            AtomicLong reported = new AtomicLong();
            assertThat(splits.fill(reported::addAndGet)).isEqualTo(6);
            assertThat(reported).hasValue(6);
            assertThat(splits.missing()).isZero();
            assertThat(splits.fill(reported::addAndGet)).isZero();
            assertThat(store.versions(article.id())).isEqualTo(first);
        }
    }
}
