package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.store.Article;
import dev.redline.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redline splits} on a real SQLite store whose versions were recorded without kept splits. */
class SplitsCommandTest {

    @Test
    void splitsEveryVersionWithoutAKeptSplitOnceWithASummary(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("r.db");
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            VersionRecorder recorder = new VersionRecorder(store);
            for (int n = 0; n < 3; n++) {
                Article a = store.upsertArticle("https://port.example/ferry", null, Instant.EPOCH);
                recorder.record(a, new Observation(Instant.EPOCH.plusSeconds(n), new ArticleText("Ferry " + n, null,
                        List.of("Crews will strike on day " + n + ". The union said so.")), null));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DELETE FROM version_sentences"); // as a store from before splits were kept
        }
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            assertThat(store.splits().unsplitCount()).isEqualTo(3);
        }
        CliRun first = run("--db", db.toString(), "splits");
        assertThat(first.code()).as(first.err()).isZero();
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            assertThat(store.splits().unsplitCount()).isZero();
            assertThat(store.versionCount()).isEqualTo(3);
        }
        CliRun again = run("--db", db.toString(), "splits");
        assertThat(again.code()).as(again.err()).isZero();
    }
}
