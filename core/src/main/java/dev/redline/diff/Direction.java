package dev.redline.diff;

import java.util.List;

/**
 * Makes comparisons independent of direction. Exact-match diffs break ties (two equally long
 * common subsequences) differently depending on which side is "old", and so would everything
 * built on them; comparing B with A would then not mirror A with B. So each comparison runs in
 * one canonical orientation, chosen by a rule that is symmetric in its arguments, and the answer
 * is mirrored back when the orientation was swapped.
 */
final class Direction {
    private Direction() {
    }

    /** True when {@code (old, neu)} is not the canonical orientation and should be computed swapped. */
    static boolean swap(List<String> oldKeys, List<String> newKeys) {
        if (oldKeys.size() != newKeys.size()) {
            return oldKeys.size() > newKeys.size();
        }
        boolean spans = oldKeys instanceof SentenceSpans && newKeys instanceof SentenceSpans;
        for (int k = 0; k < oldKeys.size(); k++) {
            if (spans && ((SentenceSpans) oldKeys).sameText(k, (SentenceSpans) newKeys, k)) {
                continue; // equal, told without making the strings
            }
            int order = oldKeys.get(k).compareTo(newKeys.get(k));
            if (order != 0) {
                return order > 0;
            }
        }
        return false;
    }
}
