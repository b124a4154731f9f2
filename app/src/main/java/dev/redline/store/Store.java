package dev.redline.store;

import java.time.Clock;

/**
 * Redline's record: sources, articles, every version, the work queue, search and per-host request
 * slots, over SQLite (the embedded default) or PostgreSQL (many workers). Each job has its own
 * interface ({@link SourceStore}, {@link ArticleStore}, {@link WorkQueue}, {@link TextSearch},
 * {@link HostSlotStore}, {@link ChangeStore}); a caller that needs one job takes that one, and this composite is what
 * {@link #open} hands to the code that wires them. Implementations are thread-safe; any number of
 * threads, store instances and processes may share one database.
 */
public interface Store extends SourceStore, ArticleStore, ChangeStore, WorkQueue, TextSearch, HostSlotStore,
        AutoCloseable {

    /**
     * Opens (creating and migrating as needed) the database at a JDBC URL: {@code jdbc:sqlite:FILE}
     * or {@code jdbc:postgresql://…}. Throws {@link dev.redline.error.BadInput} naming the file or URL
     * when it is not a usable database; such a file is never written to.
     */
    static Store open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /** As {@link #open(String)}, with the clock that stamps sources' creation times. */
    static Store open(String jdbcUrl, Clock clock) {
        return StoreDatabase.open(jdbcUrl, clock);
    }

    /** Webhooks: watches and their delivery outbox, kept in this store's database. */
    WatchStore watches();

    /** Per-source learned boilerplate, kept in this store's database. */
    LearnedLineStore learnedLines();

    /** WebSub: the subscriptions to hubs that push this store's sources' feeds. */
    SubscriptionStore subscriptions();

    /** The trace index's postings, kept in this store's database. */
    TracePostings tracePostings();

    /** Each version's body split into sentences, kept beside it for comparisons. */
    SplitStore splits();

    /** Closes the connection pool; the store is unusable afterwards. */
    @Override
    void close();
}
