package dev.redline.diff;

import com.github.difflib.algorithm.Change;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first pass of the {@link Aligner}: which sentences match exactly, in order, by their key ids
 * (equal ids, equal comparison keys), with Myers' O(ND) diff (java-diff-utils, through {@link IdDiff}). Stateless and
 * thread-safe.
 */
final class ExactMatches {
    private ExactMatches() {
    }

    /**
     * The exact matches as pairs {@code (old index, new index)} flattened in reading order.
     *
     * @param ids how many distinct key ids the two arrays use (each id is below it)
     */
    static int[] pairs(int[] oldKeys, int[] newKeys, int ids) {
        // Sentences whose key the other version lacks can never match exactly: leave them out of
        // Myers' diff, whose cost grows with the number of differences (a rewritten page would
        // otherwise cost O(N·D) with D ≈ 2N).
        boolean[] inNew = new boolean[ids];
        boolean[] inOld = new boolean[ids];
        for (int id : newKeys) {
            inNew[id] = true;
        }
        for (int id : oldKeys) {
            inOld[id] = true;
        }
        int[] oldShared = sharedPositions(oldKeys, inNew);
        int[] newShared = sharedPositions(newKeys, inOld);
        // when the shared sentences come in the same order on both sides (nothing moved, the usual
        // edit) every one of them matches, and Myers' diff has nothing to find
        List<Change> deltas = sameOrder(oldKeys, oldShared, newKeys, newShared) ? List.of()
                : IdDiff.changes(keysAt(oldKeys, oldShared), keysAt(newKeys, newShared));
        int[] pairs = new int[2 * Math.min(oldShared.length, newShared.length)];
        int n = 0;
        int sharedOldAt = 0;
        int sharedNewAt = 0;
        for (int d = 0; d <= deltas.size(); d++) {
            int equalUntil = d < deltas.size() ? deltas.get(d).startOriginal : oldShared.length;
            for (; sharedOldAt < equalUntil; sharedOldAt++, sharedNewAt++) {
                pairs[n++] = oldShared[sharedOldAt];
                pairs[n++] = newShared[sharedNewAt];
            }
            if (d < deltas.size()) {
                sharedOldAt += deltas.get(d).endOriginal - deltas.get(d).startOriginal;
                sharedNewAt += deltas.get(d).endRevised - deltas.get(d).startRevised;
            }
        }
        return n == pairs.length ? pairs : Arrays.copyOf(pairs, n);
    }

    private static int[] sharedPositions(int[] keys, boolean[] inOther) {
        int count = 0;
        for (int id : keys) {
            if (inOther[id]) {
                count++;
            }
        }
        int[] positions = new int[count];
        int at = 0;
        for (int k = 0; k < keys.length; k++) {
            if (inOther[keys[k]]) {
                positions[at++] = k;
            }
        }
        return positions;
    }

    private static boolean sameOrder(int[] oldKeys, int[] oldShared, int[] newKeys, int[] newShared) {
        if (oldShared.length != newShared.length) {
            return false;
        }
        for (int k = 0; k < oldShared.length; k++) {
            if (oldKeys[oldShared[k]] != newKeys[newShared[k]]) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> keysAt(int[] keys, int[] positions) {
        List<Integer> out = new ArrayList<>(positions.length);
        for (int p : positions) {
            out.add(keys[p]);
        }
        return out;
    }
}
