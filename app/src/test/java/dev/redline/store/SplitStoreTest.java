package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.SplitText;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kept sentence splits on a real SQLite file and a real (embedded) PostgreSQL: a kept split is the
 * split of the text, and a store from before the splits (or before their key hashes, or with stale
 * or damaged ones) still diffs, splitting again on read without writing anything.
 */
class SplitStoreTest {
    private static final Instant T0 = Instant.parse("2026-06-01T07:00:00Z");

    @TempDir
    Path dir;

    private String url(String database) {
        return database.equals("sqlite") ? TestDatabases.sqliteUrl(dir) : TestDatabases.freshPostgresUrl();
    }

    private static ArticleText text(int n) {
        return new ArticleText("Harbour crane " + n, "By Ada Quill", List.of(
                "The crane at Pier " + n + " was stopped on Monday. Mr. Tern of the U.S. Coast Guard  said it was safe.",
                "",
                "Repairs will take " + (n + 2) + " weeks. \u201CWe will reopen!\u201D the port said. Trade resumed on Jan. 22."));
    }

    private static List<Version> storeVersions(Store store, int count) {
        Article a = store.upsertArticle("https://port.example/crane", null, T0);
        List<Version> stored = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            stored.add(store.appendVersion(a.id(), new NewVersion(T0.plusSeconds(60L * n), text(n), Set.of(), false, null, null)));
        }
        return stored;
    }

    private static void sql(Store store, String statement) throws SQLException {
        try (Connection c = ((JdbcStore) store).dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long rows(Store store) throws SQLException {
        try (Connection c = ((JdbcStore) store).dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM version_sentences")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aKeptSplitIsTheSplitOfTheText(String database) throws SQLException {
        try (Store store = Store.open(url(database))) {
            List<Version> versions = storeVersions(store, 3);
            assertThat(store.splits().unsplitCount()).isEqualTo(3);
            store.splits().keep(versions);
            assertThat(rows(store)).isEqualTo(3);
            assertThat(store.splits().unsplitCount()).isZero();
            assertThat(store.splits().unsplit(0, 10)).isEmpty();
            assertThat(store.splits().splits(versions)).containsExactlyElementsOf(versions.stream().map(v -> SplitText.of(v.text())).toList());
            assertThat(store.splits().split(versions.get(1)).sentences())
                    .containsExactly("The crane at Pier 1 was stopped on Monday.", "Mr. Tern of the U.S. Coast Guard  said it was safe.",
                            "Repairs will take 3 weeks.", "\u201CWe will reopen!\u201D the port said.", "Trade resumed on Jan. 22.");
            store.splits().keep(versions.subList(0, 1)); // keeping again replaces, never duplicates
            assertThat(rows(store)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aStoreFromBeforeTheSplitsMigratesAndStillDiffsWithoutWritingOnRead(String database) throws SQLException {
        String url = url(database);
        List<Version> versions;
        try (Store store = Store.open(url)) {
            versions = storeVersions(store, 4);
            // as a store made before V50: no table, no record of the migration
            sql(store, "DROP TABLE version_sentences");
            sql(store, "DELETE FROM flyway_schema_history WHERE version IN ('50', '51')");
        }
        try (Store store = Store.open(url)) {
            assertThat(store.versions(versions.getFirst().articleId())).isEqualTo(versions);
            assertThat(store.splits().unsplitCount()).isEqualTo(4);
            assertThat(store.splits().unsplit(versions.get(1).id(), 10)).extracting(Version::number).containsExactly(2, 3);
            List<SplitText> split = store.splits().splits(versions.subList(1, 3));
            assertThat(Diff.compare(split.get(0), split.get(1), null, null))
                    .isEqualTo(Diff.compare(versions.get(1).text(), versions.get(2).text()));
            assertThat(store.splits().unsplit(0, 10)).extracting(Version::number).containsExactly(0, 1, 2, 3);
            assertThat(rows(store)).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aSplitKeptBeforeItsKeyHashesReadsTheSameAndIsFilledByTheBackfill(String database) throws SQLException {
        try (Store store = Store.open(url(database))) {
            List<Version> versions = storeVersions(store, 3);
            store.splits().keep(versions);
            sql(store, "UPDATE version_sentences SET key_hashes = NULL WHERE version_id <> " + versions.get(2).id());
            assertThat(store.splits().unsplit(0, 10)).extracting(Version::number).containsExactly(0, 1);
            List<SplitText> split = store.splits().splits(versions);
            assertThat(split).containsExactlyElementsOf(versions.stream().map(v -> SplitText.of(v.text())).toList());
            assertThat(Diff.compare(split.get(1), split.get(2), null, null))
                    .isEqualTo(Diff.compare(versions.get(1).text(), versions.get(2).text()));
            assertThat(store.splits().unsplitCount()).as("a read writes nothing").isEqualTo(2);
            store.splits().keep(store.splits().unsplit(0, 10));
            assertThat(store.splits().unsplitCount()).isZero();
            assertThat(rows(store)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aSplitHandedOverIsKeptAsItIsAndOneThatDoesNotFitIsMadeAgain(String database) throws SQLException {
        try (Store store = Store.open(url(database))) {
            List<Version> versions = storeVersions(store, 2);
            SplitText fitting = SplitText.of(versions.get(0).text());
            SplitText foreign = SplitText.of(text(7)); // made from another text
            store.splits().keep(versions, List.of(fitting, foreign));
            assertThat(store.splits().unsplitCount()).isZero();
            assertThat(store.splits().splits(versions)).containsExactlyElementsOf(versions.stream().map(v -> SplitText.of(v.text())).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aSplitUnderOtherRulesOrDamagedIsSplitAgain(String database) throws SQLException {
        try (Store store = Store.open(url(database))) {
            List<Version> versions = storeVersions(store, 2);
            store.splits().keep(versions);
            sql(store, "UPDATE version_sentences SET rules = rules + 1 WHERE version_id = " + versions.get(0).id());
            sql(store, "UPDATE version_sentences SET offsets = '0,9999;;0,1' WHERE version_id = " + versions.get(1).id());
            assertThat(store.splits().unsplit(0, 10)).extracting(Version::number).containsExactly(0);
            assertThat(store.splits().splits(versions)).containsExactlyElementsOf(versions.stream().map(v -> SplitText.of(v.text())).toList());
            assertThat(store.splits().unsplitCount()).as("a read writes nothing").isEqualTo(1);
            store.splits().keep(versions);
            assertThat(store.splits().unsplitCount()).isZero();
            assertThat(rows(store)).isEqualTo(2);
            assertThat(store.splits().split(versions.get(1))).isEqualTo(SplitText.of(versions.get(1).text()));
        }
    }
}
