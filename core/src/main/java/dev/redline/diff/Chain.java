package dev.redline.diff;

import java.util.Arrays;
import java.util.List;

/** The heaviest chain of pairings in the same order in both versions, for the {@link Aligner}. */
final class Chain {
    private Chain() {
    }

    /**
     * Which of {@code byNew} (sorted by new position) form the heaviest chain also increasing in
     * old position: a weighted longest increasing subsequence, O(n log n) with a Fenwick tree of
     * maxima over the {@code oldSize} old positions.
     */
    static boolean[] heaviest(List<Match> byNew, double[] weights, int oldSize) {
        int n = byNew.size();
        double[] chain = new double[n];
        int[] previous = new int[n];
        int[] tree = new int[oldSize + 1];
        Arrays.fill(tree, -1);
        for (int k = 0; k < n; k++) {
            Match m = byNew.get(k);
            int before = -1;
            for (int pos = m.oldStart(); pos > 0; pos -= pos & -pos) {
                if (tree[pos] >= 0 && (before < 0 || chain[tree[pos]] > chain[before])) {
                    before = tree[pos];
                }
            }
            chain[k] = weights[k] + (before < 0 ? 0 : chain[before]);
            previous[k] = before;
            for (int pos = m.oldStart() + m.oldCount(); pos <= oldSize; pos += pos & -pos) {
                if (tree[pos] < 0 || chain[k] > chain[tree[pos]]) {
                    tree[pos] = k;
                }
            }
        }
        int last = -1;
        for (int k = 0; k < n; k++) {
            if (last < 0 || chain[k] > chain[last]) {
                last = k;
            }
        }
        boolean[] inPlace = new boolean[n];
        for (int k = last; k >= 0; k = previous[k]) {
            inPlace[k] = true;
        }
        return inPlace;
    }
}
