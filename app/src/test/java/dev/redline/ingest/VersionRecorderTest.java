package dev.redline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redline.article.ArticleText;
import dev.redline.error.Conflict;
import dev.redline.extract.ExtractRules;
import dev.redline.feed.FeedEntry;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import dev.redline.store.Store;
import dev.redline.store.TestDatabases;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one recording path over a real SQLite file: what it stores, what it notes, what analysers see. */
class VersionRecorderTest {
    private static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");
    private static final ArticleText A = text("Dam inspection ordered", "Engineers will inspect the old dam on Monday.");
    private static final ArticleText B = text("Dam inspection ordered after cracks found",
            "Engineers will inspect the old dam on Monday after cracks were found.");
    private static final ArticleText A_COSMETIC = text("Dam inspection ordered", "Engineers will inspect the old dam on Monday!");

    @TempDir
    Path dir;
    private Store store;
    private final List<Recording> seen = new CopyOnWriteArrayList<>();
    private VersionRecorder recorder;

    @BeforeEach
    void open() {
        store = Store.open(TestDatabases.sqliteUrl(dir));
        VersionAnalyser committedFirst = r -> {
            assertThat(store.version(r.version().articleId(), r.version().number())).contains(r.version());
            seen.add(r);
        };
        VersionAnalyser broken = r -> {
            throw new IllegalStateException("index down");
        };
        recorder = new VersionRecorder(store, List.of(broken, committedFirst));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ArticleText text(String title, String body) {
        return new ArticleText(title, null, List.of(body));
    }

    private Article article() {
        return store.articleByUrl("https://valley-news.example/dam").orElseGet(() ->
                store.upsertArticle("https://valley-news.example/dam", null, T0));
    }

    private Recorded record(ArticleText text, int hours) {
        return recorder.record(article(), new Observation(T0.plusSeconds(3600L * hours), text, "a.warc.gz#" + hours));
    }

    @Test
    void tracksChangesNotesFlipFlopsAndRunsAnalysersAfterCommit() {
        Recorded first = record(A, 0);
        assertThat(first).isInstanceOf(Recorded.Stored.class);
        assertThat(record(A, 1)).isInstanceOf(Recorded.Unchanged.class);
        Recorded.Stored second = (Recorded.Stored) record(B, 2);
        assertThat(second.version().number()).isEqualTo(1);
        assertThat(second.version().changed()).containsExactlyInAnyOrder(VersionField.TITLE, VersionField.BODY);
        assertThat(second.version().boring()).isFalse();
        assertThat(second.version().captureRef()).isEqualTo("a.warc.gz#2");

        assertThat(record(A, 3)).isEqualTo(new Recorded.FlipFlop(0, 1));
        assertThat(store.versions(article().id())).hasSize(2);
        assertThat(store.events(article().id())).extracting(ArticleEvent::kind).containsExactly(EventKind.FLIP_FLOP);

        // the failing analyser ran first, and neither undid the version nor kept the next one from running
        assertThat(seen).extracting(r -> r.version().number()).containsExactly(0, 1);
        assertThat(seen.get(0).previous()).isNull();
        assertThat(seen.get(1).previous()).isEqualTo(store.version(article().id(), 0).orElseThrow());
        assertThat(seen).allMatch(r -> r.origin() == Recording.Origin.TRACKED);
    }

    @Test
    void importsKeepEveryArchivedEntryJudgeBoringAndStopOnConflict() {
        record(A, 0);
        List<VersionRecorder.Archived> history = List.of(
                new VersionRecorder.Archived(new Observation(T0, A, null), null),              // stored already
                new VersionRecorder.Archived(new Observation(T0.plusSeconds(7200), A_COSMETIC, null), null),
                new VersionRecorder.Archived(new Observation(T0.plusSeconds(9000), B, null), true),  // the archive says boring
                new VersionRecorder.Archived(new Observation(T0.plusSeconds(9900), A, null), null)); // A again: kept, it is the record

        List<Version> appended = recorder.recordHistory("https://valley-news.example/dam", null, history);

        assertThat(appended).extracting(Version::number).containsExactly(1, 2, 3);
        assertThat(appended.get(0).boring()).isTrue();
        assertThat(appended.get(0).boringReason()).isNotNull();
        assertThat(appended.get(1).boring()).isTrue();
        assertThat(appended.get(1).boringReason()).as("the archive's judgement, not our rule's").isNull();
        assertThat(appended.get(2).changed()).containsExactlyInAnyOrder(VersionField.TITLE, VersionField.BODY);
        assertThat(seen).extracting(r -> r.version().number()).containsExactly(0, 1, 2, 3);
        assertThat(seen.get(1).previous().number()).isZero();
        assertThat(seen.subList(1, 4)).allMatch(r -> r.origin() == Recording.Origin.IMPORTED);

        assertThat(recorder.recordHistory("https://valley-news.example/dam", null, history)).isEmpty();
        List<VersionRecorder.Archived> older = List.of(
                new VersionRecorder.Archived(new Observation(T0.minusSeconds(60), B, null), null));
        assertThatThrownBy(() -> recorder.recordHistory("https://valley-news.example/dam", null, older))
                .isInstanceOf(Conflict.class).hasMessageContaining("append-only");
        assertThat(store.versions(article().id())).hasSize(4);
    }

    @Test
    void discoveryAddsEachCanonicalArticleOnceAndSkipsWhatIsNoWebAddress() {
        Discovery discovery = new Discovery(store, Clock.fixed(T0, ZoneOffset.UTC));
        long source = store.addSource("valley-news", List.of("https://valley-news.example/rss"), List.of(),
                ExtractRules.NONE).id();
        List<FeedEntry> entries = List.of(entry("https://valley-news.example/dam?utm_source=rss"),
                entry("https://Valley-News.example/dam"), entry("mailto:desk@valley-news.example"),
                entry("https://valley-news.example/bridge"));

        assertThat(discovery.ingest(source, entries)).isEqualTo(2);
        assertThat(discovery.ingest(source, entries)).isZero();
        assertThat(store.articleByUrl("https://valley-news.example/dam")).hasValueSatisfying(a ->
                assertThat(a.sourceId()).isEqualTo(source));
        assertThat(discovery.follow("https://valley-news.example/dam#comments", null).url())
                .isEqualTo("https://valley-news.example/dam");
    }

    private static FeedEntry entry(String url) {
        return new FeedEntry(url, null, null, null);
    }
}
