package dev.redline.store;

import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Faults of the storage itself that the operator, not a programmer, must act on: a full disk and a
 * corrupt database file. Told apart by the drivers' own codes (SQLite result codes, PostgreSQL
 * SQLSTATEs) anywhere in an exception's cause chain. Stateless and thread-safe.
 */
public final class StorageFaults {
    private static final String FULL = "the disk holding the database is full: the step that failed stored nothing;"
            + " free some space and run the command again";
    private static final String CORRUPT = "the database file is damaged: nothing was written; restore a backup"
            + " (for SQLite, `sqlite3 FILE .recover` may save what is readable)";

    private StorageFaults() {
    }

    /** A one-line explanation for the operator when {@code failure} is such a fault, else empty. */
    public static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                Optional<String> known = sqlite(sqlite.getResultCode());
                if (known.isPresent()) {
                    return known;
                }
            } else if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<String> known = sqlState(sql.getSQLState());
                if (known.isPresent()) {
                    return known;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sqlite(SQLiteErrorCode code) {
        int primary = code.code & 0xff; // extended codes (SQLITE_CORRUPT_INDEX, SQLITE_IOERR_WRITE…) keep the primary in the low byte
        return switch (primary) {
            case 13 -> Optional.of(FULL + " (SQLITE_FULL)");
            case 11, 26 -> Optional.of(CORRUPT + " (" + code.name() + ")");
            default -> Optional.empty();
        };
    }

    private static Optional<String> sqlState(String state) {
        return switch (state) {
            case "53100" -> Optional.of(FULL + " (PostgreSQL 53100 disk_full)");
            case "XX001", "XX002" -> Optional.of(CORRUPT + " (PostgreSQL " + state + ")");
            default -> Optional.empty();
        };
    }
}
