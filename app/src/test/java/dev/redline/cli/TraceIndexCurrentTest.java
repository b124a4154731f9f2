package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import dev.redline.store.Store;
import dev.redline.trace.TraceIndex;
import dev.redline.trace.Tracer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything stored is traceable without a manual step: a store whose index lacks versions (from
 * before the index, or emptied by migration V45) is repaired by {@code poll} ({@code trace} itself:
 * {@code TraceCommandTest}; {@code serve}: {@code ServeCommandTest}; {@code import}:
 * {@code ImportTraceTest}), and {@code track} and {@code poll} index what they record.
 */
class TraceIndexCurrentTest {
    private static final ArticleText STORY = new ArticleText("Harbour crane collapses onto the Wendell quay", null, List.of(
            "A container crane at the Port Wendell terminal folded onto the quay on Tuesday night, the harbour board said.",
            "Nobody was hurt because the night shift had been sent home two hours earlier when the wind rose above forty knots.",
            "Engineers from the board expect the quay to stay closed for at least three weeks while the wreck is cut apart."));

    @TempDir
    Path dir;

    /** An article stored by the store alone, bypassing the recording path, as in a store from before the index. */
    private static void storedBeforeTheIndex(String db) {
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            long source = store.addSource("wendell-post", List.of(), List.of(), ExtractRules.NONE).id();
            Instant at = Instant.parse("2026-03-03T20:00:00Z");
            Article article = store.upsertArticle("https://wendell-post.example/crane", source, at);
            store.appendVersion(article.id(), new NewVersion(at, STORY, Set.of(), false, null, null));
            assertThat(new Tracer(store).unindexedVersions()).isEqualTo(1);
        }
    }

    private static long unindexed(String db) {
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            return new Tracer(store).unindexedVersions();
        }
    }

    @Test
    void pollIndexesWhatItRecordsAndRepairsWhatWasStoredBefore() {
        String db = dir.resolve("redline.db").toString();
        storedBeforeTheIndex(db);
        try (NewsroomSimulator sim = NewsroomSimulator.start(Clock.systemUTC())) {
            try (Store store = Store.open("jdbc:sqlite:" + db)) {
                store.addSource("gazette", List.of(sim.site("harbour-gazette").rssUrl()), List.of(), ExtractRules.NONE);
            }
            CliRun polled = run("--db", db, "--data", dir.toString(), "poll", "--once", "--host-delay", "0",
                    "--allow-private-network");
            assertThat(polled.code()).as(polled.err()).isZero();
        }
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            assertThat(store.versionCount()).isGreaterThan(1);
            assertThat(new TraceIndex(store.tracePostings()).indexedVersions()).isEqualTo(store.versionCount());
        }
    }

    @Test
    void trackIndexesTheVersionItRecords() {
        String db = dir.resolve("redline.db").toString();
        try (NewsroomSimulator sim = NewsroomSimulator.start(Clock.systemUTC())) {
            CliRun tracked = run("--db", db, "--data", dir.toString(), "track", sim.articleUrl("harbour-gazette", "ferry-strike"),
                    "--allow-private-network", "--host-delay", "0");
            assertThat(tracked.code()).as(tracked.err()).isZero();
        }
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            assertThat(store.versionCount()).isEqualTo(1);
            assertThat(new Tracer(store).unindexedVersions()).isZero();
        }
    }
}
