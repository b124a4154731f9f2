package dev.redline.fingerprint;

/**
 * The fingerprint of one text, made by {@link Fingerprinter}. Immutable by convention: the arrays
 * are never modified after construction and callers must not modify them either. Thread-safe.
 *
 * @param wordCount number of comparison words in the text
 * @param shingles  distinct 64-bit shingle hashes, sorted ascending (the exact set used to verify)
 * @param anchors   distinct winnowed shingle hashes, sorted ascending (a subset of {@code shingles})
 * @param minHash   the MinHash signature, one 32-bit minimum per permutation
 * @param bandKeys  one LSH key per band of the signature (empty when the text has no shingles)
 */
public record Fingerprint(int wordCount, long[] shingles, long[] anchors, int[] minHash, long[] bandKeys) {

    /** True when the text had no words at all. */
    public boolean isEmpty() {
        return shingles.length == 0;
    }

    /** Number of distinct shingles this fingerprint shares with {@code other} (a merge of two sorted sets). */
    public int sharedShingles(Fingerprint other) {
        return intersectionSize(shingles, other.shingles);
    }

    /** Share of this text's shingles that also occur in {@code source}: 1.0 when this text is wholly inside it. */
    public double containedIn(Fingerprint source) {
        return shingles.length == 0 ? 0 : (double) sharedShingles(source) / shingles.length;
    }

    /** MinHash estimate of the Jaccard similarity of the two shingle sets. */
    public double estimatedJaccard(Fingerprint other) {
        int same = 0;
        for (int i = 0; i < minHash.length; i++) {
            if (minHash[i] == other.minHash[i]) {
                same++;
            }
        }
        return minHash.length == 0 ? 0 : (double) same / minHash.length;
    }

    /** Size of the intersection of two sorted arrays of distinct values. */
    public static int intersectionSize(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int c = Long.compare(a[i], b[j]);
            if (c == 0) {
                n++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }
}
