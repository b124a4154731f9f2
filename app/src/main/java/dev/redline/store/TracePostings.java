package dev.redline.store;

import dev.redline.fingerprint.Fingerprint;
import java.util.Map;
import java.util.Set;

/**
 * The trace index's own tables (migration {@code V20__trace_index.sql}): for each article, the
 * winnowed anchors and LSH band keys of all its versions, per-anchor document frequency (number of
 * articles carrying it), and which versions are indexed. Postings are per <em>article</em>, not per
 * version. The trace package ({@code dev.redline.trace.TraceIndex}) decides what to index and how
 * to rank; this handle only reads and writes the postings, so nothing else of the database leaks
 * out of the store. Thread-safe; concurrent {@link #add} calls of the same version are harmless
 * (inserts ignore duplicates).
 */
public interface TracePostings {

    /** Indexes one version in its own transaction; false (and nothing changed) when it was indexed already. */
    boolean add(long articleId, long versionId, Fingerprint fingerprint);

    /**
     * A writer for bulk loads: one connection, statements prepared once, many versions per
     * transaction, postings buffered and written sorted at each commit. Nothing is visible to
     * others before {@link Bulk#commit}; closing without committing rolls back.
     */
    Bulk bulk();

    /** Whether this version is in the index. */
    boolean isIndexed(long versionId);

    /** Those of {@code versionIds} that are in the index (one query per few hundred ids, for a resumed repair). */
    Set<Long> indexedAmong(long[] versionIds);

    /** Number of indexed versions. */
    long indexedVersions();

    /** Those of {@code anchors} carried by more than {@code maxArticles} articles (boilerplate). */
    Set<Long> commonAnchors(long[] anchors, int maxArticles);

    /** For each article carrying any of {@code anchors}: how many of them it carries. */
    Map<Long, Integer> anchorHits(long[] anchors);

    /** For each article with any of these LSH band keys: how many of them it has. */
    Map<Long, Integer> bandHits(long[] bandKeys);

    /** A bulk writer; not thread-safe (one per thread). */
    interface Bulk extends AutoCloseable {
        /** Indexes one version in the current transaction; false when it was indexed already. */
        boolean add(long articleId, long versionId, Fingerprint fingerprint);

        /** Commits what was added since the last commit. */
        void commit();

        /** Rolls back what was not committed and releases the connection. */
        @Override
        void close();
    }
}
