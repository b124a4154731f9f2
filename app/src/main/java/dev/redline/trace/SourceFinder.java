package dev.redline.trace;

import dev.redline.diff.SplitText;
import dev.redline.fingerprint.ArticleShingles;
import dev.redline.fingerprint.Fingerprint;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.provenance.Attribution;
import dev.redline.provenance.History;
import dev.redline.provenance.Passage;
import dev.redline.store.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query half of tracing: the source articles of a copy, verified and ranked, and the version
 * of each that the copy carries. Used by {@link Tracer} over the store and by the index benchmark
 * over generated histories, so both measure the same work. Thread-safe (the cache is synchronised;
 * a cached article prepares each of its parts once, under its own lock).
 *
 * <p>The work is bounded before anything costly runs. Candidates come from the {@link TraceIndex}
 * ranked by anchor and band hits. Shingle verification (every version of a candidate, from the
 * article's stored shingle sets when the store keeps them current, so without reading its history)
 * runs in that order and stops once {@code limit} articles cleared the floor and the next candidate is proposed by
 * fewer than a {@value #OUTRANKED}th of the hits of the weakest of them. The keyword check, for
 * spun copies that share no five-word run with anything, runs only on candidates whose anchor hits
 * could reach the keyword floor (each shared run of three keywords is one anchor hit, so the hits
 * bound the share from above). The attribution of the version from the article's history (a diff
 * of each pair of consecutive versions, over the sentence splits the store keeps) is left to the
 * caller for the few matches it reports, and
 * each article's prepared history is kept in a bounded cache, valid while its version count stays.
 */
public final class SourceFinder {
    /** Candidate articles proposed per query. */
    static final int MAX_CANDIDATES = 25;
    /** Candidates (best proposed first) checked by keywords when none shares text with the copy. */
    static final int MAX_KEYWORD_CANDIDATES = 10;
    /** Once enough articles cleared the floor, a candidate with less than 1/this of the weakest one's hits is not verified. */
    static final int OUTRANKED = 4;

    /** Where the finder reads an article's stored versions. */
    public interface Histories {
        /** How many versions the article has now (0 when it is gone): a cached history is current while this stays. */
        int versionCount(long articleId);

        /** The article's versions in order (index = version number). */
        List<Version> versions(long articleId);

        /**
         * The stored shingle sets of those of these articles whose stored row covers every version
         * they have now (a store keeps them, {@code TracePostings.articleShingles}); the others are
         * absent and verified from their versions. None by default.
         */
        default Map<Long, ArticleShingles> shingles(Collection<Long> articleIds) {
            return Map.of();
        }

        /** The versions' sentence splits, in order: split now unless the caller keeps them (a store does). */
        default List<SplitText> splits(List<Version> versions) {
            return versions.stream().map(v -> SplitText.of(v.text())).toList();
        }
    }

    /**
     * A verified source.
     *
     * @param articleId    the article
     * @param prepared     its versions, prepared for tracing
     * @param verdict      the shingle verdict, or null when no five-word run is shared (a spun copy)
     * @param keywordShare when the shingles do not clear the floor, the share of the copy's runs of
     *                     three keywords its best version carries; else 0
     */
    public record Found(long articleId, Prepared prepared, Verdict verdict, double keywordShare) {
        /** The larger of the shingle coverage and the keyword-run share: how much of the copy this article explains. */
        public double strength() {
            return Math.max(verdict == null ? 0 : verdict.coverage(), keywordShare);
        }

        int shared() {
            return verdict == null ? 0 : verdict.shared();
        }
    }

    private final TraceIndex index;
    private final Fingerprinter fingerprinter;
    private final Floor floor;
    private final Histories histories;
    private final Map<Long, Prepared> cache;

    /**
     * @param cacheSize articles whose prepared histories are kept (least recently used dropped first)
     */
    public SourceFinder(TraceIndex index, Fingerprinter fingerprinter, Floor floor, Histories histories, int cacheSize) {
        this.index = index;
        this.fingerprinter = fingerprinter;
        this.floor = floor;
        this.histories = histories;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Prepared> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /**
     * The sources of a copy, strongest first, at most {@code limit}.
     *
     * @param copied           the copy as a passage ({@code Passage.of(copy)}), or null for shared text
     *                         only (no keyword check: what reuse detection needs)
     * @param excludeArticleId an article to leave out (the copy's own, when tracking), or null
     */
    public List<Found> find(Fingerprint fingerprint, Passage copied, Long excludeArticleId, int limit) {
        if (fingerprint.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        List<Candidate> unclear = new ArrayList<>();
        int weakestHits = Integer.MAX_VALUE;
        List<Candidate> candidates = index.candidates(fingerprint, excludeArticleId, MAX_CANDIDATES);
        // one read for every candidate's stored shingle sets: verified without reading its history
        Map<Long, ArticleShingles> stored = histories.shingles(candidates.stream().map(Candidate::articleId).toList());
        for (Candidate candidate : candidates) {
            if (found.size() >= limit && candidate.hits() * OUTRANKED < weakestHits) {
                break; // ranked by hits: every later candidate is outranked too
            }
            ArticleShingles shingles = stored.get(candidate.articleId());
            Prepared prepared = shingles == null ? prepared(candidate.articleId()) : prepared(candidate.articleId(), shingles);
            if (prepared == null) {
                continue;
            }
            Verdict verdict = prepared.verdict(fingerprint.shingles(), fingerprinter);
            if (verdict != null && verdict.clears(floor)) {
                found.add(new Found(candidate.articleId(), prepared, verdict, 0));
                weakestHits = Math.min(weakestHits, candidate.hits());
            } else {
                unclear.add(candidate);
            }
        }
        if (found.isEmpty() && copied != null) {
            // no shared text: a spun or heavily edited copy, matched by its figures and names in order
            for (Candidate candidate : unclear.subList(0, Math.min(unclear.size(), MAX_KEYWORD_CANDIDATES))) {
                if (copied.keywordRunShareAtMost(candidate.anchorHits() + candidate.commonAnchors()) < floor.minKeywordShare()) {
                    continue;
                }
                Prepared prepared = prepared(candidate.articleId());
                int keywords = 0;
                double share = 0;
                for (Passage version : prepared.passages()) {
                    keywords = Math.max(keywords, copied.keywordsInOrder(version));
                    share = Math.max(share, copied.keywordRunShareIn(version));
                }
                if (floor.clearsKeywords(keywords, share)) {
                    found.add(new Found(candidate.articleId(), prepared, null, share));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingDouble(Found::strength).reversed()
                        .thenComparing(Comparator.comparingInt(Found::shared).reversed())
                        .thenComparingLong(Found::articleId))
                .limit(limit)
                .toList();
    }

    /** The version of {@code found} the copy carries, from the article's history ({@link Attribution}). */
    public Attribution attribute(Found found, Passage copied) {
        return found.prepared().history(histories).attribute(copied);
    }

    /** The article's prepared versions, from the cache while its version count stays; null when it is gone. */
    private Prepared prepared(long articleId) {
        int count = histories.versionCount(articleId);
        if (count == 0) {
            return null;
        }
        Prepared cached = cache.get(articleId);
        if (cached != null && cached.versionCount() == count) {
            return cached;
        }
        List<Version> versions = histories.versions(articleId);
        if (versions.isEmpty()) {
            return null;
        }
        Prepared prepared = new Prepared(versions);
        cache.put(articleId, prepared);
        return prepared;
    }

    /** The article prepared from its stored shingle sets (current when read), from the cache while its version count stays. */
    private Prepared prepared(long articleId, ArticleShingles shingles) {
        Prepared cached = cache.get(articleId);
        if (cached != null && cached.versionCount() == shingles.versions()) {
            return cached;
        }
        Prepared prepared = new Prepared(articleId, shingles, histories);
        cache.put(articleId, prepared);
        return prepared;
    }

    /**
     * One article's stored versions and what tracing computes from them, each part made on first use
     * and kept: the shingle sets (verification), the passages (keywords) and the prepared history
     * (attribution). Prepared from the stored shingle sets, its versions are read only when
     * something needs their text (the keyword check, the attribution of a reported match), and only
     * the versions the shingle sets cover (a version appended since is left to the next query).
     * Thread-safe.
     */
    public static final class Prepared {
        private final int versionCount;
        private final long articleId;
        private final Histories histories;
        private final ArticleShingles stored;
        private List<Version> versions;
        private List<long[]> shingles;
        private List<Passage> passages;
        private History history;

        Prepared(List<Version> versions) {
            this.versions = List.copyOf(versions);
            this.versionCount = versions.size();
            this.articleId = versions.isEmpty() ? 0 : versions.getFirst().articleId();
            this.histories = null;
            this.stored = null;
        }

        private Prepared(long articleId, ArticleShingles stored, Histories histories) {
            this.versionCount = stored.versions();
            this.articleId = articleId;
            this.histories = histories;
            this.stored = stored;
        }

        /** How many versions this covers. */
        int versionCount() {
            return versionCount;
        }

        /** The versions in order. */
        public synchronized List<Version> versions() {
            if (versions == null) {
                List<Version> read = histories.versions(articleId);
                versions = List.copyOf(read.subList(0, Math.min(read.size(), versionCount)));
            }
            return versions;
        }

        /** The shingle verdict of a copy against every version (from the stored sets when there are). */
        synchronized Verdict verdict(long[] copy, Fingerprinter fingerprinter) {
            return stored != null ? Verdict.of(copy, stored) : Verdict.of(copy, shingles(fingerprinter));
        }

        /** One version's distinct shingles. */
        synchronized long[] shingles(int version, Fingerprinter fingerprinter) {
            return stored != null ? stored.version(version) : shingles(fingerprinter).get(version);
        }

        private List<long[]> shingles(Fingerprinter fingerprinter) {
            if (shingles == null) {
                shingles = fingerprinter.shinglesOfVersions(versions.stream().map(Version::text).toList());
            }
            return shingles;
        }

        synchronized List<Passage> passages() {
            if (passages == null) {
                passages = versions().stream().map(v -> Passage.of(v.text())).toList();
            }
            return passages;
        }

        synchronized History history(Histories histories) {
            if (history == null) {
                history = History.ofSplits(histories.splits(versions()), passages());
            }
            return history;
        }
    }
}
