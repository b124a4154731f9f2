package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk told apart by SQLite's own result code, through any wrapping (the CLI prints one line for it). */
class StorageFaultsTest {

    @Test
    void sqliteFullIsADiskFullEvenWrapped(@TempDir Path dir) throws SQLException {
        Throwable full;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tiny.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x TEXT)");
            s.execute("PRAGMA max_page_count = 3"); // the database cannot grow: what a full disk looks like to SQLite
            full = catchThrowable(() -> {
                for (int i = 0; i < 1_000; i++) {
                    s.execute("INSERT INTO t VALUES ('" + "x".repeat(1_000) + "')");
                }
            });
        }
        assertThat(full).isInstanceOf(SQLException.class);
        assertThat(StorageFaults.describe(new IllegalStateException("wrapped", full)))
                .hasValueSatisfying(line -> assertThat(line).startsWith("the disk holding the database is full")
                        .endsWith("(SQLITE_FULL)"));
        assertThat(StorageFaults.describe(new SQLException("syntax", "42601"))).isEmpty();
        assertThat(StorageFaults.describe(new SQLException("no space", "53100"))).get().asString().contains("disk_full");
    }
}
