package dev.redline.store;

import dev.redline.fingerprint.ArticleShingles;
import dev.redline.fingerprint.Fingerprint;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trace index's own tables (migrations {@code V20__trace_index.sql}, {@code V46__trace_article_shingles.sql}):
 * for each article, the winnowed anchors and LSH band keys of all its versions and its versions'
 * shingle sets ({@link ArticleShingles}), per-anchor document frequency (number of articles carrying
 * it), and which versions are indexed. Postings are per <em>article</em>, not per
 * version. The trace package ({@code dev.redline.trace.TraceIndex}) decides what to index and how
 * to rank; this handle only reads and writes the postings, so nothing else of the database leaks
 * out of the store. Thread-safe; concurrent {@link #add} calls of the same version are harmless
 * (inserts ignore duplicates).
 */
public interface TracePostings {

    /** Indexes one version in its own transaction; false (and nothing changed) when it was indexed already. */
    boolean add(long articleId, long versionId, Fingerprint fingerprint);

    /**
     * Indexes several versions in one transaction, each table's postings in one statement (a
     * tracker slice's versions); those indexed already are skipped.
     *
     * @return how many were newly indexed
     */
    int addAll(List<Entry> entries);

    /** One version to index: its article, its id and its fingerprint. */
    record Entry(long articleId, long versionId, Fingerprint fingerprint) {
    }

    /**
     * What the index knows of these articles' versions, for a search that prunes before it reads
     * any text: each article's source and, in version order, each version's id and distinct shingle
     * count. Articles without versions (or gone) are absent. One query per few hundred articles.
     */
    Map<Long, Shape> shapes(Collection<Long> articleIds);

    /**
     * An article as the index sees it.
     *
     * @param sourceId the article's source, or null
     * @param versions its versions by number
     */
    record Shape(long articleId, Long sourceId, List<VersionShape> versions) {
        public Shape {
            versions = List.copyOf(versions);
        }
    }

    /**
     * One version as the index sees it.
     *
     * @param shingles its distinct shingle count, or -1 when it is not indexed yet
     */
    record VersionShape(long versionId, int shingles) {
    }

    /**
     * A writer for bulk loads: one connection, statements prepared once, many versions per
     * transaction, postings buffered and written sorted at each commit. Nothing is visible to
     * others before {@link Bulk#commit}; closing without committing rolls back.
     */
    Bulk bulk();

    /**
     * Each of these articles' versions' shingle sets (migration V46), for those whose stored row
     * covers every version the article has now; articles without a current row are absent (read
     * their versions instead). One query per few hundred articles.
     */
    Map<Long, ArticleShingles> articleShingles(Collection<Long> articleIds);

    /** How many versions the shingle row of each of these articles covers; articles without a row are absent. */
    Map<Long, Integer> shingledVersions(Collection<Long> articleIds);

    /** Articles with versions whose shingle row is missing or behind their version count (0 when every row is current). */
    long staleShingleRows();

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
