package dev.redline.store;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What every JDBC piece of the store shares: the JDBI over the pooled database, which dialect it
 * is (for the few statements whose SQL differs), and the clock. Immutable and thread-safe.
 *
 * @param jdbi     JDBI over the connection pool
 * @param postgres true on PostgreSQL, false on SQLite
 * @param clock    stamps creation times that callers do not pass
 */
record Database(Jdbi jdbi, boolean postgres, Clock clock) {
}
