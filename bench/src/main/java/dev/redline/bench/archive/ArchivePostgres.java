package dev.redline.bench.archive;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * An embedded PostgreSQL (zonky, the server the tests use) on a data folder that is kept between
 * runs, so an archive generated once can be served and polled later. Run as a program it starts the
 * server, prints its JDBC URL on stdout and runs until it is stopped (SIGTERM stops PostgreSQL
 * cleanly): {@code ArchivePostgres DATA_DIR [PORT]}.
 */
public final class ArchivePostgres implements AutoCloseable {
    private final EmbeddedPostgres server;

    private ArchivePostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts PostgreSQL on {@code dataDir} (initialised when empty) at {@code port} (0: any free port). */
    public static ArchivePostgres start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /**
     * {@link #start(Path, int)}, for a bulk load when {@code bulkLoad}: no autovacuum while it runs
     * (insert-triggered vacuums and analyses of the growing tables took half of PostgreSQL's CPU in
     * the 1 M generation); the loader vacuums and analyses once at the end ({@link #vacuumAnalyse}).
     */
    public static ArchivePostgres start(Path dataDir, int port, boolean bulkLoad) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofMinutes(2))
                    // a bigger cache and fewer checkpoints for the bulk load (the generator turns off
                    // synchronous commits for its own sessions only)
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "2GB");
            if (bulkLoad) {
                builder.setServerConfig("autovacuum", "off").setServerConfig("checkpoint_timeout", "30min");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new ArchivePostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of the {@code postgres} database as the superuser. */
    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** VACUUM (ANALYZE) of the whole database: the visibility map and planner statistics a bulk load skipped. */
    public void vacuumAnalyse() {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM (ANALYZE) failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: ArchivePostgres DATA_DIR [PORT]");
            System.exit(2);
        }
        ArchivePostgres pg = start(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "archive-postgres-stop"));
        System.out.println(pg.jdbcUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until the script stops this process (SIGTERM runs the hook)
    }
}
