package dev.redline.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a SQLite file in a temp folder, or a fresh database on one embedded
 * PostgreSQL server shared by every test in this JVM (started on first use, stopped at exit).
 * Other packages' tests may use it too: {@code Store.open(TestDatabases.freshPostgresUrl())}.
 */
public final class TestDatabases {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static String sqliteUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("redline.db");
    }

    /** A JDBC URL of a new, empty PostgreSQL database. */
    public static synchronized String freshPostgresUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is exiting; nothing useful to do
                    }
                }));
            }
            String name = "redline_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
