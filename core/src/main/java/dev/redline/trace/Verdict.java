package dev.redline.trace;

import dev.redline.fingerprint.ArticleShingles;
import dev.redline.fingerprint.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The exact comparison of a copy with every version of one article: which version it copies.
 *
 * @param best        index (version number) of the chosen version: the most shared shingles, and on a
 *                    tie the earliest version
 * @param tied        every version sharing exactly as many shingles as the best, ascending (includes best)
 * @param shared      distinct shingles the copy shares with the best version
 * @param coverage    share of the copy's shingles found in the best version
 * @param containment share of the best version's shingles the copy carries
 */
public record Verdict(int best, List<Integer> tied, int shared, double coverage, double containment) {
    public Verdict {
        tied = List.copyOf(tied);
    }

    /**
     * Compares a copy with the versions of one article.
     *
     * @param copy     the copy's distinct shingle hashes, sorted
     * @param versions each version's distinct shingle hashes, sorted, in version order
     * @return the verdict, or null when no version shares anything with the copy
     */
    public static Verdict of(long[] copy, List<long[]> versions) {
        int[] shared = new int[versions.size()];
        for (int v = 0; v < versions.size(); v++) {
            shared[v] = Fingerprint.intersectionSize(copy, versions.get(v));
        }
        return of(copy, shared, v -> versions.get(v).length);
    }

    /**
     * As {@link #of(long[], List)}, from an article's stored shingle sets: the same verdict, without
     * making each version's set.
     */
    public static Verdict of(long[] copy, ArticleShingles article) {
        return of(copy, article.sharedPerVersion(copy), v -> article.version(v).length);
    }

    private static Verdict of(long[] copy, int[] sharedByVersion, IntUnaryOperator sizeOf) {
        int bestShared = 0;
        List<Integer> tied = new ArrayList<>();
        for (int v = 0; v < sharedByVersion.length; v++) {
            int shared = sharedByVersion[v];
            if (shared > bestShared) {
                bestShared = shared;
                tied.clear();
            }
            if (shared == bestShared && shared > 0) {
                tied.add(v);
            }
        }
        if (bestShared == 0) {
            return null;
        }
        int best = tied.getFirst();
        return new Verdict(best, tied, bestShared, (double) bestShared / copy.length,
                (double) bestShared / sizeOf.applyAsInt(best));
    }

    /** True when the evidence clears the floor below which Redline reports nothing. */
    public boolean clears(Floor floor) {
        return shared >= floor.minShared() && Math.max(coverage, containment) >= floor.minShare();
    }
}
