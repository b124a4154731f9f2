package dev.redline.trace;

import dev.redline.fingerprint.ArticleShingles;
import dev.redline.fingerprint.Fingerprint;
import dev.redline.store.TracePostings;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fingerprint index: for each article, the winnowed anchors and the LSH band keys of all its
 * versions, plus per-anchor document frequency (number of articles carrying it), and which
 * versions are indexed, kept by the store as {@link TracePostings}. Postings are per
 * <em>article</em>, not per version: versions of one article share most of their text, and the
 * exact version is chosen afterwards by verification. This class decides what counts as a
 * candidate. Thread-safe (the postings are); concurrent {@link #add} calls of the same article are
 * harmless (inserts ignore duplicates).
 */
public final class TraceIndex {
    /** Anchors carried by more articles than this are treated as boilerplate and ignored in queries. */
    public static final int DEFAULT_MAX_ANCHOR_ARTICLES = 50;
    /** Candidates with fewer than 1/this of the best candidate's hits are dropped. */
    private static final int RELATIVE_CUTOFF = 10;

    private final TracePostings postings;
    private final int maxAnchorArticles;

    public TraceIndex(TracePostings postings) {
        this(postings, DEFAULT_MAX_ANCHOR_ARTICLES);
    }

    public TraceIndex(TracePostings postings, int maxAnchorArticles) {
        this.postings = postings;
        this.maxAnchorArticles = maxAnchorArticles;
    }

    /** Indexes one version; returns false (and changes nothing) when it was indexed already. */
    public boolean add(long articleId, long versionId, Fingerprint fingerprint) {
        return postings.add(articleId, versionId, fingerprint);
    }

    /** Indexes several versions in one transaction ({@link TracePostings#addAll}); returns how many were new. */
    public int addAll(List<TracePostings.Entry> entries) {
        return postings.addAll(entries);
    }

    /** A bulk writer (one connection, statements prepared once, many versions per transaction), as {@link TracePostings#bulk}. */
    public TracePostings.Bulk bulk() {
        return postings.bulk();
    }

    /** Whether this version is in the index. */
    public boolean isIndexed(long versionId) {
        return postings.isIndexed(versionId);
    }

    /** Those of {@code versionIds} that are in the index. */
    public Set<Long> indexedAmong(long[] versionIds) {
        return postings.indexedAmong(versionIds);
    }

    /** The stored shingle sets of those of these articles whose row is current ({@link TracePostings#articleShingles}). */
    public Map<Long, ArticleShingles> articleShingles(Collection<Long> articleIds) {
        return postings.articleShingles(articleIds);
    }

    /** How many versions each of these articles' shingle rows covers ({@link TracePostings#shingledVersions}). */
    public Map<Long, Integer> shingledVersions(Collection<Long> articleIds) {
        return postings.shingledVersions(articleIds);
    }

    /** Articles whose shingle row is missing or behind ({@link TracePostings#staleShingleRows}). */
    public long staleShingleRows() {
        return postings.staleShingleRows();
    }

    /** Number of indexed versions. */
    public long indexedVersions() {
        return postings.indexedVersions();
    }

    /**
     * Articles that may contain the fingerprinted text, most promising first: those sharing at
     * least one anchor that is not boilerplate (carried by at most {@code maxAnchorArticles}
     * articles), or at least one LSH band key. Ranked by hits (anchors plus bands); articles with
     * less than a tenth of the best article's hits are left out.
     *
     * @param excludeArticleId an article to leave out (the copy's own, when tracking), or null
     * @param limit            at most this many
     */
    public List<Candidate> candidates(Fingerprint copy, Long excludeArticleId, int limit) {
        if (copy.isEmpty()) {
            return List.of();
        }
        Set<Long> common = postings.commonAnchors(copy.anchors(), maxAnchorArticles);
        long[] rare = Arrays.stream(copy.anchors()).filter(anchor -> !common.contains(anchor)).toArray();
        Map<Long, int[]> hits = new HashMap<>();
        postings.anchorHits(rare).forEach((article, n) -> hits.computeIfAbsent(article, id -> new int[2])[0] += n);
        postings.bandHits(copy.bandKeys()).forEach((article, n) -> hits.computeIfAbsent(article, id -> new int[2])[1] += n);
        if (excludeArticleId != null) {
            hits.remove(excludeArticleId);
        }
        List<Candidate> ranked = hits.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue()[0], e.getValue()[1], common.size()))
                .sorted(Comparator.comparingInt(Candidate::hits).reversed()
                        .thenComparing(Comparator.comparingInt(Candidate::anchorHits).reversed())
                        .thenComparingLong(Candidate::articleId))
                .toList();
        // articles with a tenth of the best article's hits share a stray phrase, not the copy
        int cutoff = ranked.isEmpty() ? 0 : ranked.getFirst().hits() / RELATIVE_CUTOFF;
        return ranked.stream().filter(candidate -> candidate.hits() >= cutoff).limit(limit).toList();
    }
}
