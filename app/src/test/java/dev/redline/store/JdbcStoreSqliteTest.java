package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redline.error.BadInput;
import dev.redline.extract.ExtractRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real SQLite file, plus what only a file database can get wrong. */
class JdbcStoreSqliteTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    String databaseUrl() {
        return TestDatabases.sqliteUrl(dir);
    }

    @Test
    void aCommonWordComesNewestFirstAndARareWordIsRankedByRelevance() {
        List<Long> harbour = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Article a = store.upsertArticle("https://bugle.example/" + i, null, T0);
            String body = "The harbour ferry. " + "Harbour news. ".repeat(8 - i) + (i < 2 ? "A saltmarsh walk." : "");
            harbour.add(store.appendVersion(a.id(), nv(T0.plusSeconds(i), text("Story " + i, body))).articleId());
        }
        JdbcSearch windowed = new JdbcSearch(new Database(Jdbi.create(store.dataSource()), false, Clock.systemUTC()), 3);

        TextSearch.SearchResults all = store.find("harbour", null, null, null, 10);
        assertThat(all.rankedNewest()).isZero();
        assertThat(all.hits()).extracting(h -> h.article().id()).containsExactlyInAnyOrderElementsOf(harbour);
        // by bm25: the story that says "harbour" most often (the oldest) first, the one that says it least last
        assertThat(all.hits().getFirst().article().id()).isEqualTo(harbour.getFirst());
        assertThat(all.hits().getLast().article().id()).isEqualTo(harbour.getLast());
        TextSearch.SearchResults newest = windowed.find("harbour", null, null, null, 10);
        assertThat(newest.rankedNewest()).isEqualTo(3);
        // more matches than the window: every match, newest first
        assertThat(newest.hits()).extracting(h -> h.article().id()).containsExactlyElementsOf(harbour.reversed());
        assertThat(windowed.find("harbour", null, null, null, 3).hits()).extracting(h -> h.article().id())
                .containsExactlyElementsOf(harbour.subList(5, 8).reversed());

        // a word in fewer versions than the window: everything ranked, the same hits as without a window
        TextSearch.SearchResults rare = windowed.find("saltmarsh", null, null, null, 10);
        assertThat(rare.rankedNewest()).isZero();
        assertThat(rare.hits()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(store.find("saltmarsh", null, null, null, 10).hits());
        assertThat(rare.hits()).extracting(h -> h.article().id()).containsExactlyInAnyOrder(harbour.get(0), harbour.get(1));
    }

    @Test
    void createsParentFoldersUsesWalAndKeepsDataAcrossReopen() throws Exception {
        Path file = dir.resolve("deep/er/redline.db");
        try (JdbcStore s = (JdbcStore) Store.open("jdbc:sqlite:" + file)) {
            s.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
            try (var c = s.dataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
        assertThat(file).exists();
        try (JdbcStore s = (JdbcStore) Store.open("jdbc:sqlite:" + file)) {
            assertThat(s.sources()).extracting(Source::name).containsExactly("bugle");
            assertThat(s.isPostgres()).isFalse();
        }
    }

    @Test
    void aBulkIndexLoadSetsItsPragmasAndGivesItsPooledConnectionThemBack() throws Exception {
        Map<String, Long> before = new LinkedHashMap<>();
        for (String pragma : JdbcTracePostings.bulkPragmas().keySet()) {
            try (Connection c = store.dataSource().getConnection()) {
                before.put(pragma, pragma(c, pragma));
            }
        }
        assertThat(before.get("wal_autocheckpoint")).as("SQLite's default").isEqualTo(1000);
        List<Connection> pool = new ArrayList<>();
        try (TracePostings.Bulk bulk = store.tracePostings().bulk()) {
            bulk.commit();
            // the other three pooled connections keep theirs while the load runs
            for (int i = 0; i < 3; i++) {
                pool.add(store.dataSource().getConnection());
            }
            for (Connection c : pool) {
                assertThat(pragma(c, "wal_autocheckpoint")).isEqualTo(1000);
            }
        } finally {
            for (Connection c : pool) {
                c.close();
            }
            pool.clear();
        }
        // holding the whole pool at once: the bulk loader's connection is one of them
        try {
            for (int i = 0; i < 4; i++) {
                pool.add(store.dataSource().getConnection());
            }
            for (Connection c : pool) {
                for (Map.Entry<String, Long> pragma : before.entrySet()) {
                    assertThat(pragma(c, pragma.getKey())).as(pragma.getKey() + " after a bulk load").isEqualTo(pragma.getValue());
                }
            }
        } finally {
            for (Connection c : pool) {
                c.close(); // a second close of a pooled connection is a no-op
            }
        }
    }

    @Test
    void theBulkPragmasKeepCommitsCrashSafe() {
        // synchronous stays as the pool sets it (NORMAL in WAL mode): a bulk load never risks the file
        assertThat(JdbcTracePostings.bulkPragmas()).containsOnlyKeys("cache_size", "wal_autocheckpoint");
    }

    @Test
    void theBulkPageCacheIsBoundedByTheHeapLimit() {
        // native memory beside the heap: -Xmx512m keeps a bulk load's cache at 64 MiB, not 512 MiB
        assertThat(JdbcTracePostings.bulkCacheKib(512L << 20)).isEqualTo(64 << 10);
        assertThat(JdbcTracePostings.bulkCacheKib(64L << 20)).isEqualTo(16 << 10);
        assertThat(JdbcTracePostings.bulkCacheKib(16L << 30)).isEqualTo(512 << 10);
    }

    /** A pragma's value on the connection. */
    private static long pragma(Connection c, String pragma) throws Exception {
        try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA " + pragma)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        Path notes = dir.resolve("notes.txt");
        String content = "Shopping list: bread, milk, a new harbour crane.\n".repeat(50);
        Files.writeString(notes, content);
        assertThatThrownBy(() -> Store.open("jdbc:sqlite:" + notes))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining(notes.toString()).hasMessageContaining("not a SQLite database");
        assertThat(Files.readString(notes)).isEqualTo(content);
        assertThat(dir.resolve("notes.txt-wal")).doesNotExist();
    }

    @Test
    void aCorruptDatabaseIsRefusedWithItsName() throws Exception {
        Path file = dir.resolve("broken.db");
        byte[] bytes = new byte[8192];
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> Store.open("jdbc:sqlite:" + file))
                .isInstanceOf(BadInput.class).hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void aForeignSqliteDatabaseIsNotTakenOver() throws Exception {
        Path file = dir.resolve("other-app.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (name TEXT)");
            st.execute("INSERT INTO recipes VALUES ('soup')");
        }
        byte[] before = Files.readAllBytes(file);
        assertThat(before[18]).as("write version: rollback journal").isEqualTo((byte) 1);
        assertThatThrownBy(() -> Store.open("jdbc:sqlite:" + file))
                .isInstanceOf(BadInput.class).hasMessageContaining(file.toString())
                .hasMessageContaining("another program");
        assertThat(Files.readAllBytes(file)).as("file bytes, including WAL version bytes 18-19").isEqualTo(before);
        assertThat(dir.resolve("other-app.db-wal")).doesNotExist();
        assertThat(dir.resolve("other-app.db-shm")).doesNotExist();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement();
             var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("recipes");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aForeignWalDatabaseNobodyHasOpenGetsNoWalOrShmFiles() throws Exception {
        Path file = dir.resolve("other-wal-app.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE recipes (name TEXT)");
        }
        assertThat(dir.resolve("other-wal-app.db-wal")).doesNotExist(); // the last close removed it
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Store.open("jdbc:sqlite:" + file))
                .isInstanceOf(BadInput.class).hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("other-wal-app.db-wal")).doesNotExist();
        assertThat(dir.resolve("other-wal-app.db-shm")).doesNotExist();
    }

    @Test
    void anEmptyFileOrADatabaseWithoutTablesBecomesAStore() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Path noTables = dir.resolve("no-tables.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + noTables); var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 7"); // writes a real header, still no schema
        }
        assertThat(Files.size(noTables)).isPositive();
        for (Path file : List.of(empty, noTables)) {
            try (JdbcStore s = (JdbcStore) Store.open("jdbc:sqlite:" + file)) {
                s.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
            }
            try (JdbcStore s = (JdbcStore) Store.open("jdbc:sqlite:" + file)) {
                assertThat(s.sources()).as(file.toString()).extracting(Source::name).containsExactly("bugle");
            }
        }
    }

    @Test
    void aRedlineDatabaseThatIsOpenElsewhereOpensAgain() {
        Path file = dir.resolve("shared.db");
        try (JdbcStore first = (JdbcStore) Store.open("jdbc:sqlite:" + file)) {
            first.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
            assertThat(dir.resolve("shared.db-wal")).exists();
            try (JdbcStore second = (JdbcStore) Store.open("jdbc:sqlite:" + file)) {
                assertThat(second.sources()).extracting(Source::name).containsExactly("bugle");
            }
        }
    }

    @Test
    void aFolderOrAMemoryUrlIsRefused() {
        assertThatThrownBy(() -> Store.open("jdbc:sqlite:" + dir))
                .isInstanceOf(BadInput.class).hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> Store.open("jdbc:sqlite::memory:")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> Store.open("jdbc:mysql://db/x")).isInstanceOf(BadInput.class)
                .hasMessageContaining("jdbc:mysql://db/x");
    }
}
