package dev.redline.trace;

import dev.redline.fingerprint.Fingerprint;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.provenance.Passage;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.TracePostings;
import dev.redline.store.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reuse check of a newly stored version: does it take at least {@link ReuseRule#MIN_COVERAGE}
 * of its text from an earlier version of another source's article? Run by {@link Tracer} on every
 * recorded version and by its repair. It asks the index for the same candidates as a trace
 * ({@link TraceIndex#candidates}) but, unlike {@link SourceFinder#find} (which answers a user's
 * query for any shared text, down to the {@link Floor}), it knows the bar a match must clear, so it
 * prunes before it reads any text: candidates of the copy's own source are dropped (reuse is between
 * sources), and so are versions with fewer shingles than the bar (a version cannot share more
 * shingles than it has; the counts are kept in the index). What is left is compared by the shingles of
 * each version, kept in a {@link ShingleCache} (every version is shingled once); only the rare
 * article that clears the bar is read in full, for the version attribution. Thread-safe.
 */
final class ReuseSearch {
    /** Stands for a version left out of the comparison (it cannot reach the bar): it shares nothing. */
    private static final long[] NONE = new long[0];

    private final Store store;
    private final TraceIndex index;
    private final Fingerprinter fingerprinter;
    private final Floor floor;
    private final SourceFinder finder;
    private final ShingleCache shingles;

    ReuseSearch(Store store, TraceIndex index, Fingerprinter fingerprinter, Floor floor, SourceFinder finder,
                ShingleCache shingles) {
        this.store = store;
        this.index = index;
        this.fingerprinter = fingerprinter;
        this.floor = floor;
        this.finder = finder;
        this.shingles = shingles;
    }

    /** A candidate that clears the bar, with the versions its verdict indexes (null until read). */
    private record Hit(TracePostings.Shape shape, Verdict verdict) {
    }

    /** Records every reuse {@code version} shows (as {@link Tracer#record} events); {@code fingerprint} is its own. */
    void record(Version version, Fingerprint fingerprint) {
        Article copier = store.article(version.articleId()).orElse(null);
        if (copier == null || fingerprint.isEmpty()) {
            return;
        }
        List<Candidate> candidates = index.candidates(fingerprint, copier.id(), SourceFinder.MAX_CANDIDATES);
        if (candidates.isEmpty()) {
            return;
        }
        long[] copy = fingerprint.shingles();
        // the bar: shared shingles for MIN_COVERAGE of the copy, and the floor's minimum
        int needed = Math.max(floor.minShared(), (int) Math.ceil(ReuseRule.MIN_COVERAGE * copy.length));
        Map<Long, TracePostings.Shape> shapes = store.tracePostings().shapes(candidates.stream().map(Candidate::articleId).toList());
        List<TracePostings.Shape> worth = new ArrayList<>();
        for (Candidate candidate : candidates) {
            TracePostings.Shape shape = shapes.get(candidate.articleId());
            if (shape != null && otherSource(copier.sourceId(), shape.sourceId())
                    && shape.versions().stream().anyMatch(v -> mayReach(v, needed))) {
                worth.add(shape);
            }
        }
        Map<Long, List<Version>> read = new HashMap<>();
        Map<Long, long[]> compared = shinglesOf(worth, needed, read);
        List<Hit> hits = new ArrayList<>();
        for (TracePostings.Shape shape : worth) {
            List<long[]> versions = shape.versions().stream()
                    .map(v -> compared.getOrDefault(v.versionId(), NONE))
                    .toList();
            Verdict verdict = Verdict.of(copy, versions);
            if (verdict != null && verdict.shared() >= needed && verdict.clears(floor)) {
                hits.add(new Hit(shape, verdict));
            }
        }
        // the order SourceFinder reports matches in: most of the copy explained first
        hits.sort(Comparator.comparingDouble((Hit h) -> h.verdict().coverage()).reversed()
                .thenComparing(Comparator.comparingInt((Hit h) -> h.verdict().shared()).reversed())
                .thenComparingLong(h -> h.shape().articleId()));
        Passage copied = null;
        List<Version> ownVersions = null;
        for (Hit hit : hits) {
            long sourceId = hit.shape().articleId();
            List<Version> versions = read.containsKey(sourceId) ? read.get(sourceId) : store.versions(sourceId);
            Article source = store.article(sourceId).orElse(null);
            if (source == null || versions.size() < hit.shape().versions().size()) {
                continue;
            }
            copied = copied == null ? Passage.of(version.text()) : copied;
            SourceFinder.Found found = new SourceFinder.Found(sourceId, new SourceFinder.Prepared(versions), hit.verdict(), 0);
            Version original = versions.get(finder.attribute(found, copied).version());
            if (!ReuseRule.reuses(hit.verdict(), original.fetchedAt(), version.fetchedAt())) {
                continue;
            }
            ownVersions = ownVersions == null ? store.versions(copier.id()) : ownVersions;
            if (hadItFirst(ownVersions, original, copy, hit.verdict().shared())) {
                continue;
            }
            Tracer.record(store, new Reuse(copier.id(), copier.url(), version.number(), source.id(), source.url(),
                    original.number(), hit.verdict().coverage(), hit.verdict().containment()), version.fetchedAt());
        }
    }

    /** Reuse is between sources: an article without a source counts as another. */
    private static boolean otherSource(Long copySource, Long candidateSource) {
        return copySource == null || candidateSource == null || !Objects.equals(copySource, candidateSource);
    }

    /** Whether the version could share {@code needed} shingles: not indexed yet (count unknown), or has as many. */
    private static boolean mayReach(TracePostings.VersionShape version, int needed) {
        return version.shingles() < 0 || version.shingles() >= needed;
    }

    /**
     * The shingles of the versions of {@code worth} that may reach the bar, by version id: from the
     * cache, else shingled now (and cached) from their articles, read in one query into {@code read}.
     */
    private Map<Long, long[]> shinglesOf(List<TracePostings.Shape> worth, int needed, Map<Long, List<Version>> read) {
        Map<Long, long[]> out = new HashMap<>();
        Set<Long> missing = new HashSet<>();
        for (TracePostings.Shape shape : worth) {
            for (TracePostings.VersionShape v : shape.versions()) {
                long[] cached = mayReach(v, needed) ? shingles.get(v.versionId()) : NONE;
                if (cached == null) {
                    missing.add(shape.articleId());
                } else if (cached != NONE) {
                    out.put(v.versionId(), cached);
                }
            }
        }
        if (!missing.isEmpty()) {
            read.putAll(store.versionsOf(List.copyOf(missing)));
            for (List<Version> versions : read.values()) {
                List<Version> unseen = versions.stream()
                        .filter(v -> !out.containsKey(v.id()) && shingles.get(v.id()) == null)
                        .toList();
                // an article's versions share most paragraphs: each shared one is hashed once
                List<long[]> made = fingerprinter.shinglesOfVersions(unseen.stream().map(Version::text).toList());
                for (int i = 0; i < unseen.size(); i++) {
                    shingles.put(unseen.get(i).id(), made.get(i));
                    out.put(unseen.get(i).id(), made.get(i));
                }
            }
        }
        return out;
    }

    /** {@link ReuseRule#hadItFirst} over the copy article's versions seen before {@code other}. */
    private boolean hadItFirst(List<Version> ownVersions, Version other, long[] copy, int sharedWithOther) {
        List<long[]> earlier = ownVersions.stream()
                .filter(v -> v.fetchedAt().isBefore(other.fetchedAt()))
                .map(this::shinglesOf)
                .toList();
        return ReuseRule.hadItFirst(copy, earlier, sharedWithOther);
    }

    /** A stored version's shingles, from the cache or made (and kept) now. */
    long[] shinglesOf(Version version) {
        long[] cached = shingles.get(version.id());
        if (cached == null) {
            cached = fingerprinter.shingles(version.text());
            shingles.put(version.id(), cached);
        }
        return cached;
    }
}
