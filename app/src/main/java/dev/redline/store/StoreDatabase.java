package dev.redline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.redline.error.BadInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a database for {@link JdbcStore}: checks, read-only, that a SQLite file is new, empty or
 * already Redline's before touching it, sets up the pool (SQLite: WAL, busy timeout, foreign keys,
 * {@code BEGIN IMMEDIATE} writes; PostgreSQL: HikariCP) and runs the Flyway migrations.
 *
 * <p>Migrations live in {@code db/migration/common} (portable DDL, run on both) and
 * {@code db/migration/sqlite} or {@code db/migration/postgresql} (the few statements that differ).
 * In common scripts, {@code ${id_pk}} is an auto-assigned 64-bit primary key on either database.
 */
final class StoreDatabase {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    /** Flyway's default history table: its presence marks a database as Redline's own. */
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private StoreDatabase() {
    }

    static JdbcStore open(String jdbcUrl, Clock clock) {
        if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
            return openSqlite(sqliteFile(jdbcUrl), clock);
        }
        if (jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            return openPostgres(jdbcUrl, clock);
        }
        throw new BadInput("unsupported database URL '" + jdbcUrl
                + "' (use a file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
    }

    private static Path sqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring(SQLITE_PREFIX.length());
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isBlank() || file.startsWith(":memory:")) {
            throw new BadInput("Redline needs a database file, not '" + jdbcUrl + "'");
        }
        return Path.of(file);
    }

    private static JdbcStore openSqlite(Path file, Clock clock) {
        checkSqliteFile(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new BadInput("cannot create the folder for database " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        // Every write transaction takes the write lock up front: no deadlock-prone lock upgrades,
        // and claims are atomic across connections and processes.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(SQLITE_PREFIX + file);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("redline-sqlite");
        pool.setMaximumPoolSize(4);
        return migrate(pool, false, "database " + file, clock);
    }

    /**
     * Refuses a path that exists but is not a fresh or Redline SQLite database, before anything could
     * write to it: the pool's pragmas ({@code journal_mode=WAL} rewrites the file header and leaves
     * {@code -wal}/{@code -shm} files) must never reach another program's database.
     */
    private static void checkSqliteFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInput("database " + file + " is a folder, not a SQLite database file");
        }
        if (!Files.exists(file)) {
            return;
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(SQLITE_HEADER.length + 4);
        } catch (IOException e) {
            throw new BadInput("cannot read database " + file + ": " + e.getMessage(), e);
        }
        if (header.length == 0) {
            return; // an empty file is a fresh database to SQLite
        }
        if (header.length < SQLITE_HEADER.length || !Arrays.equals(header, 0, SQLITE_HEADER.length, SQLITE_HEADER, 0, SQLITE_HEADER.length)) {
            throw new BadInput("database " + file + " is not a SQLite database (refusing to touch it)");
        }
        // Header bytes 18 and 19 (write and read format version) are 2 in WAL mode.
        boolean walMode = header.length > 19 && (header[18] == 2 || header[19] == 2);
        if (!isEmptyOrRedline(file, walMode)) {
            throw new BadInput("database " + file
                    + " belongs to another program (it has tables but no Redline history); refusing to touch it");
        }
    }

    /**
     * Whether the SQLite database holds no schema at all or has Flyway's history table (one of ours),
     * read through a read-only connection with no journal pragma. A WAL database that nobody has open
     * (no {@code -wal} file) is read as {@code immutable}, because even a read-only connection would
     * leave {@code -wal} and {@code -shm} files beside it.
     */
    private static boolean isEmptyOrRedline(Path file, boolean walMode) {
        boolean immutable = walMode && !Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        String url = immutable ? SQLITE_PREFIX + file.toAbsolutePath().toUri() + "?immutable=1" : SQLITE_PREFIX + file;
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = readOnly.createConnection(url);
             Statement statement = connection.createStatement();
             ResultSet schema = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE type = 'table' AND name = '"
                     + FLYWAY_HISTORY + "') FROM sqlite_master")) {
            schema.next();
            return schema.getLong(1) == 0 || schema.getLong(2) > 0;
        } catch (SQLException e) {
            throw new BadInput("cannot read database " + file + ": " + rootMessage(e), e);
        }
    }

    private static JdbcStore openPostgres(String jdbcUrl, Clock clock) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setPoolName("redline-postgres");
        pool.setMaximumPoolSize(8);
        return migrate(pool, true, "database " + withoutPassword(jdbcUrl), clock);
    }

    private static JdbcStore migrate(HikariConfig pool, boolean postgres, String what, Clock clock) {
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new BadInput("cannot open " + what + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .table(FLYWAY_HISTORY)
                    // each branch owns a range of versions (docs: team brief), so a store already at
                    // V70 must still take a later-merged V50: additive migrations, applied out of order
                    .outOfOrder(true)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "sqlite"))
                    .placeholders(Map.of("id_pk", postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                            : "INTEGER PRIMARY KEY AUTOINCREMENT"))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new BadInput("cannot use " + what + " as a Redline store: " + rootMessage(e), e);
        }
        return new JdbcStore(dataSource, postgres, clock);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).strip();
    }

    /** The URL as it can be shown: a password parameter is masked. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
