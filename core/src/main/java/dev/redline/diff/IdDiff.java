package dev.redline.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiff;
import java.util.Comparator;
import java.util.List;

/**
 * Myers' O(ND) diff of two sequences of ids (java-diff-utils' {@link MyersDiff}, the algorithm
 * behind {@code DiffUtils.diff}), as its changes in the order of the old sequence: the deltas
 * {@code DiffUtils.diff(a, b).getDeltas()} would give, without the patch, whose chunks copy
 * every changed run into lists of their own (they cost more than the diff itself on the word
 * diffs of edited sentences). Stateless and thread-safe.
 */
final class IdDiff {
    private static final MyersDiff<Integer> MYERS = new MyersDiff<>();
    private static final Comparator<Change> BY_OLD_START = Comparator.comparingInt(c -> c.startOriginal);

    private IdDiff() {
    }

    /** The changes turning {@code a} into {@code b}, by their start in {@code a} (as a patch sorts its deltas). */
    static List<Change> changes(List<Integer> a, List<Integer> b) {
        List<Change> changes = MYERS.computeDiff(a, b, null);
        changes.sort(BY_OLD_START);
        return changes;
    }
}
