package dev.redline.diff;

/**
 * How well sentences pair, for the {@link Aligner}: one sentence with another (an edit), with a
 * lone neighbour in the same place, or with two adjacent ones (a split or merge). Scores are
 * weights of shared words ({@link Similarity}) minus a cost for the unshared ones; a pairing that
 * is not similar enough scores below zero. Not thread-safe: it keeps a working row, one instance
 * per comparison.
 */
final class PairScore {
    /** Weighted word overlap (Dice) needed to call two sentences in the same place an edit of each other. */
    static final double EDIT_THRESHOLD = 0.5;
    /** Share of the shorter sentence's words that a lone in-place replacement must keep. */
    private static final double IN_PLACE_CONTAINMENT = 0.4;
    /**
     * Share of the shorter sentence's weight that must reappear in order in the longer one for a
     * sentence that gained (or lost) a clause to count as an edit below {@link #EDIT_THRESHOLD}.
     */
    private static final double ORDERED_SHARE = 0.8;
    /** …and the shorter sentence must carry at least this much weight (two content words). */
    private static final double ORDERED_MIN_WEIGHT = 2.0;
    /** Share of a part's words that must come from the whole for a split or merge. */
    private static final double PART_CONTAINMENT = 0.5;
    /** Unmatched words cost this much against each shared word when scoring a pairing. */
    private static final double UNMATCHED_COST = 0.5;
    /**
     * A split or merge must beat pairing one of its parts and leaving the other unpaired by this
     * much weight (about one content word): the simpler reading wins when they are close.
     */
    private static final double GROUP_COST = 1.0;
    /** What {@link #group} returns for sentences that are no split or merge of each other. */
    static final double NO_GROUP = Double.NEGATIVE_INFINITY;
    /** Working row of {@link Similarity#orderedShare}, made on first use and grown as needed. */
    private double[] lcsRow = new double[0];

    /**
     * Score of pairing two sentences, or -1 when they are not similar enough to be one: similar
     * enough either by weighted overlap, or because one holds nearly all of the other in order.
     */
    double pair(Sentence old, Sentence neu) {
        long[] x = old.bag();
        long[] y = neu.bag();
        double shared = Similarity.shared(x, y);
        double unshared = old.weight() + neu.weight() - 2 * shared;
        if (Similarity.dice(shared, old.weight(), neu.weight()) >= EDIT_THRESHOLD) {
            return shared - UNMATCHED_COST * unshared;
        }
        if (!keptInOrder(old, neu, shared)) {
            return -1;
        }
        // what the shorter one lost counts against the pairing; what the longer one gained does not
        return shared - UNMATCHED_COST * (Math.min(old.weight(), neu.weight()) - shared);
    }

    /** True when the lighter sentence reappears nearly whole, in order, in the other (it gained a clause). */
    boolean keptInOrder(Sentence old, Sentence neu, double shared) {
        Sentence shorter = old.weight() <= neu.weight() ? old : neu;
        Sentence longer = shorter == old ? neu : old;
        if (shorter.weight() < ORDERED_MIN_WEIGHT || shared < ORDERED_SHARE * shorter.weight()) {
            return false;
        }
        if (lcsRow.length <= longer.words().length) {
            lcsRow = new double[2 * longer.words().length + 1];
        }
        return Similarity.orderedShare(shorter, longer, lcsRow) >= ORDERED_SHARE;
    }

    /**
     * A lone sentence replaced by a lone sentence between the same neighbours is an update of it
     * (an edit) on weaker evidence than elsewhere: enough of the shorter one survives and at least
     * two real words (not "the", "said") are shared.
     */
    boolean replacesInPlace(Sentence old, Sentence neu) {
        if (pair(old, neu) >= 0) {
            return true;
        }
        double shorter = Math.min(old.weight(), neu.weight());
        return shorter > 0 && Similarity.shared(old.bag(), neu.bag()) >= IN_PLACE_CONTAINMENT * shorter
                && Similarity.commonLongWords(old.bag(), neu.bag()) >= 2;
    }

    /** Score of one sentence corresponding to two adjacent ones (split or merge), or {@link #NO_GROUP}. */
    double group(Sentence whole, Sentence part1, Sentence part2) {
        long[] w = whole.bag();
        long[] x = part1.bag();
        long[] y = part2.bag();
        if (x.length == 0 || y.length == 0
                || Similarity.shared(w, x) < PART_CONTAINMENT * part1.weight()
                || Similarity.shared(w, y) < PART_CONTAINMENT * part2.weight()) {
            return NO_GROUP;
        }
        double both = part1.weight() + part2.weight();
        double shared = Similarity.shared(w, x, y);
        if (Similarity.dice(shared, whole.weight(), both) < EDIT_THRESHOLD) {
            return NO_GROUP;
        }
        return shared - UNMATCHED_COST * (whole.weight() + both - 2 * shared) - GROUP_COST;
    }
}
