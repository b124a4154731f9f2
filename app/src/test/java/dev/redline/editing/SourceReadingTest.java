package dev.redline.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.change.EditingRecord;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import dev.redline.store.Source;
import dev.redline.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's record read again through its last {@link EditingHistory.SourceReading}, on a real
 * SQLite file: after a new version and a new event it equals a fresh reading of the whole source;
 * and a reading that leaves bodies unread where no headline test is possible gives the record the
 * articles' whole histories give.
 */
class SourceReadingTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;

    private static ArticleText text(String title, String... paragraphs) {
        return new ArticleText(title, null, List.of(paragraphs));
    }

    @Test
    void aRereadSeesNewVersionsAndEventsAsAFreshReadDoes() {
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("record.db"))) {
            Source daily = store.addSource("daily", List.of("http://127.0.0.1:9/daily.xml"), List.of(), ExtractRules.NONE);
            VersionRecorder recorder = new VersionRecorder(store, List.of(new ChangeFacets(store)));
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Article a = store.upsertArticle("https://daily.example/" + i, daily.id(), T0);
                recorder.record(a, new Observation(T0.plusSeconds(i), text("Story " + i, "The council met on Tuesday.",
                        "It set aside 12 million pounds."), null));
                articles.add(store.article(a.id()).orElseThrow());
            }
            EditingHistory editing = new EditingHistory(store);
            EditingHistory.SourceReading reading = new EditingHistory.SourceReading();
            EditingRecord first = editing.source(daily, T0.plusSeconds(60), reading);
            assertThat(first.changed()).isZero();

            recorder.record(articles.get(2), new Observation(T0.plusSeconds(3600), text("Story 2", "The council met on Tuesday.",
                    "It set aside 21 million pounds.", "Correction: an earlier version gave the wrong figure."), null));
            store.recordEvent(new ArticleEvent(articles.get(4).id(), T0.plusSeconds(7200), EventKind.GONE, "404"));

            Instant now = T0.plusSeconds(9000);
            EditingRecord reread = editing.source(daily, now, reading);
            assertThat(reread).isEqualTo(editing.source(daily, now));
            assertThat(reread.changed()).isEqualTo(1);
            assertThat(reread.weeks()).anySatisfy(w -> assertThat(w.corrections()).isEqualTo(1));
            assertThat(reread.weeks()).anySatisfy(w -> assertThat(w.unpublished()).isEqualTo(1));
        }
    }

    @Test
    void readingHeadlinesOnlyWhereNoTestIsPossibleGivesTheRecordOfTheWholeHistories() {
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("heads.db"))) {
            Source daily = store.addSource("daily", List.of("http://127.0.0.1:9/daily.xml"), List.of(), ExtractRules.NONE);
            VersionRecorder recorder = new VersionRecorder(store, List.of(new ChangeFacets(store)));
            String[] body = {"The council met on Tuesday.", "It set aside 12 million pounds for the harbour."};
            String[] rewritten = {"Ferry crews walked out at dawn.", "No boats ran to the island all day."};
            List<List<ArticleText>> histories = List.of(
                    List.of(text("Bridge vote", body), text("Council backs bridge", body), text("Bridge vote", body)), // A/B/A: a test
                    List.of(text("Bridge vote", body), text("Council backs bridge", body), text("Bridge plan passes", body)), // A/B/C
                    List.of(text("Bridge vote", body), text("Strike at the harbour", rewritten), text("Bridge vote", body)), // A/B/A, new body
                    List.of(text("Bridge vote", body), text("Bridge vote", body[0], body[1], "Correction: it was 13 million.")));
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < histories.size(); i++) {
                Article a = store.upsertArticle("https://daily.example/" + i, daily.id(), T0);
                for (int k = 0; k < histories.get(i).size(); k++) {
                    recorder.record(store.article(a.id()).orElseThrow(), new Observation(T0.plusSeconds(3600L * k + i),
                            histories.get(i).get(k), null));
                }
                articles.add(store.article(a.id()).orElseThrow());
            }
            EditingHistory editing = new EditingHistory(store);
            Instant now = T0.plusSeconds(86_400 * 3);

            EditingRecord record = editing.source(daily, now);
            EditingRecord whole = EditingRecord.of("daily", articles.stream()
                    .map(a -> editing.article(a, now).edits(now)).toList());
            assertThat(record).isEqualTo(whole);
            // a text shown again is a flip-flop event, not a version: the A/B/A article's test (B, then A seen again)
            // counted once, the A/B/C article's two rewrites, and the third's one (its B body is another story: no test)
            assertThat(record.weeks().stream().mapToInt(EditingRecord.Week::headlines).sum()).isEqualTo(4);
            assertThat(record.weeks().stream().mapToInt(EditingRecord.Week::corrections).sum()).isEqualTo(1);
        }
    }
}
