package dev.redline.diff;

/**
 * Word-overlap similarity of sentences, on sorted token-id multisets: linear in the sentence
 * lengths, no allocation except when two sentences are combined for a split or merge.
 */
final class Similarity {
    private Similarity() {
    }

    /** Size of the multiset intersection of two sorted arrays. */
    static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** How many shared words (multiset) are at least {@code minLength} characters long. */
    static int commonLongWords(int[] a, int[] b, Vocabulary vocabulary, int minLength) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                if (vocabulary.length(a[i]) >= minLength) {
                    shared++;
                }
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Dice coefficient: shared words over the mean length, 0 when both are empty. */
    static double dice(int shared, int lengthA, int lengthB) {
        int total = lengthA + lengthB;
        return total == 0 ? 0 : 2.0 * shared / total;
    }

    /** The multiset union (concatenation) of two sorted arrays, sorted. */
    static int[] concat(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            out[k++] = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
        }
        return out;
    }
}
