package dev.redline.diff;

/**
 * Similarity of sentences that survives rewording: words weighted by what they carry (function
 * words little, names most), compared as multisets ({@link Sentence#bag}) and, for a sentence
 * that gained a clause, as an ordered subsequence ({@link Sentence#words}). Linear in the
 * sentence lengths except {@link #orderedShare}, which is quadratic and reuses a caller's buffer:
 * no allocation.
 */
final class Similarity {
    private static final double FUNCTION_WEIGHT = 0.4;
    private static final double CONTENT_WEIGHT = 1.0;
    private static final double NAME_WEIGHT = 1.5;

    private Similarity() {
    }

    /** The weight of a word of this class. */
    static double weight(int wordClass) {
        return switch (wordClass & 3) {
            case Sentence.FUNCTION -> FUNCTION_WEIGHT;
            case Sentence.NAME -> NAME_WEIGHT;
            default -> CONTENT_WEIGHT;
        };
    }

    private static int word(long token) {
        return (int) (token >> 32);
    }

    private static int wordClass(long token) {
        return (int) token;
    }

    /** Weight of the words two bags share; a shared word weighs as the lighter of its two uses. */
    static double shared(long[] a, long[] b) {
        return shared(a, b, false);
    }

    /**
     * Weight of the content words (not function words) two bags share, each as the lighter of its
     * two uses: what a reader would call shared wording, without the "the" and "said" of any two
     * sentences.
     */
    static double sharedContent(long[] a, long[] b) {
        return shared(a, b, true);
    }

    private static double shared(long[] a, long[] b, boolean contentOnly) {
        int i = 0;
        int j = 0;
        double shared = 0;
        while (i < a.length && j < b.length) {
            int x = word(a[i]);
            int y = word(b[j]);
            if (x == y) {
                if (!contentOnly || (wordClass(a[i]) & 3) != Sentence.FUNCTION) {
                    shared += Math.min(weight(wordClass(a[i])), weight(wordClass(b[j])));
                }
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** {@link #shared} of {@code whole} with the union of two bags, without building it. */
    static double shared(long[] whole, long[] part1, long[] part2) {
        int i = 0;
        int j = 0;
        int k = 0;
        double shared = 0;
        while (i < whole.length && (j < part1.length || k < part2.length)) {
            boolean first = k >= part2.length || (j < part1.length && word(part1[j]) <= word(part2[k]));
            long next = first ? part1[j] : part2[k];
            int x = word(whole[i]);
            int y = word(next);
            if (x == y) {
                shared += Math.min(weight(wordClass(whole[i])), weight(wordClass(next)));
                i++;
            } else if (x > y) {
                // fall through: skip the part's word
            } else {
                i++;
                continue;
            }
            if (first) {
                j++;
            } else {
                k++;
            }
        }
        return shared;
    }

    /** How many shared words (multiset) are at least {@link Sentence#LONG_WORD} characters long. */
    static int commonLongWords(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            int x = word(a[i]);
            int y = word(b[j]);
            if (x == y) {
                if ((wordClass(a[i]) & Sentence.LONG) != 0) {
                    shared++;
                }
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Weight of a bag's content words (not function words). */
    static double contentWeight(long[] bag) {
        double total = 0;
        for (long token : bag) {
            if ((wordClass(token) & 3) != Sentence.FUNCTION) {
                total += weight(wordClass(token));
            }
        }
        return total;
    }

    /** The words of {@code whole} left over once each word of {@code part} takes one use of it (multiset difference). */
    static long[] minus(long[] whole, long[] part) {
        long[] left = new long[whole.length];
        int n = 0;
        int j = 0;
        for (long token : whole) {
            int x = word(token);
            while (j < part.length && word(part[j]) < x) {
                j++;
            }
            if (j < part.length && word(part[j]) == x) {
                j++;
            } else {
                left[n++] = token;
            }
        }
        return java.util.Arrays.copyOf(left, n);
    }

    /** Dice coefficient on weights: shared weight over the mean weight, 0 when both are empty. */
    static double dice(double shared, double weightA, double weightB) {
        double total = weightA + weightB;
        return total == 0 ? 0 : 2.0 * shared / total;
    }

    /**
     * Share of {@code shorter}'s weight found in {@code longer} in the same order (a weighted
     * longest common subsequence): 1 when a sentence only gained words around its own. Uses
     * {@code row} (at least {@code longer.words().length + 1} long) as its working row.
     */
    static double orderedShare(Sentence shorter, Sentence longer, double[] row) {
        int[] x = shorter.words();
        byte[] xc = shorter.classes();
        int[] y = longer.words();
        byte[] yc = longer.classes();
        java.util.Arrays.fill(row, 0, y.length + 1, 0);
        for (int i = 0; i < x.length; i++) {
            double diagonal = 0;
            for (int j = 0; j < y.length; j++) {
                double up = row[j + 1];
                double best = Math.max(up, row[j]);
                if (x[i] == y[j]) {
                    best = Math.max(best, diagonal + Math.min(weight(xc[i]), weight(yc[j])));
                }
                diagonal = up;
                row[j + 1] = best;
            }
        }
        return shorter.weight() == 0 ? 0 : row[y.length] / shorter.weight();
    }
}
