package dev.redline.diff;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The aligner's last linking pass: a sentence left unpaired beside an edited pairing joins it as
 * part of a split or merge when it accounts for the wording that pairing cannot. For a merge, the
 * new sentence's words that its old partner lacks (what it gained) must mostly be found in the
 * unpaired old neighbour: "Plans for 250 homes on farmland…" took "farmland" from the deleted
 * "The site is currently farmland.", however little else of that sentence is left. For a split,
 * the mirror: the old sentence's words its new partner lacks (what it lost) must mostly be found
 * in the unpaired new neighbour, which may share few other words with it ("…with more than 40,000
 * calls." → "More than 40,000 calls were made, up a fifth on last year."), or the neighbour must be
 * made mostly of them (when the lost words went to two further parts). Repeated, it gathers three
 * or more parts. Only content words count (no "the", "said"), and at least one must be shared, so an
 * added or cut sentence that merely sits beside an edit stays an addition or deletion.
 * Language-independent: it uses only the words' classes. Linear in the number of pairings (each
 * looks at two neighbours). Not thread-safe; used within one {@link Aligner} run.
 */
final class Absorb {
    /** Share of the gained (merge) or lost (split) content weight the neighbour must hold, or of its own content weight found there. */
    private static final double SHARE = 0.5;
    /** …and at least this much shared content weight: one content word. */
    private static final double MIN_SHARED = 1.0;

    private Absorb() {
    }

    /**
     * Grows each pairing of {@code matches} but the exact in-place ones (in place) by the unpaired
     * neighbours it absorbs, marking them paired. A moved pairing grows too: whether it kept its
     * place is decided afterwards, and a sentence can be moved and merged with its old neighbour.
     */
    static void neighbours(List<Match> matches, IntFunction<Sentence> old, IntFunction<Sentence> neu,
                           boolean[] oldPaired, boolean[] newPaired) {
        for (int k = 0; k < matches.size(); k++) {
            Match m = matches.get(k);
            if (m.kind() == OpKind.SAME) {
                continue;
            }
            Match grown = m;
            for (Match next = grow(grown, old, neu, oldPaired, newPaired); next != null;
                 next = grow(grown, old, neu, oldPaired, newPaired)) {
                grown = next;
                for (int i = grown.oldStart(); i < grown.oldStart() + grown.oldCount(); i++) {
                    oldPaired[i] = true;
                }
                for (int j = grown.newStart(); j < grown.newStart() + grown.newCount(); j++) {
                    newPaired[j] = true;
                }
            }
            if (grown != m) {
                matches.set(k, grown);
            }
        }
    }

    /** The pairing with one more absorbed neighbour, or null when no neighbour qualifies. */
    private static Match grow(Match m, IntFunction<Sentence> old, IntFunction<Sentence> neu,
                              boolean[] oldPaired, boolean[] newPaired) {
        double bestShared = 0;
        Match best = null;
        if (m.newCount() == 1 && (unpaired(oldPaired, m.oldStart() - 1) || unpaired(oldPaired, m.oldStart() + m.oldCount()))) {
            // a merge: what the new sentence gained over its old part(s), sought in an old neighbour
            long[] gained = neu.apply(m.newStart()).bag();
            for (int i = m.oldStart(); i < m.oldStart() + m.oldCount(); i++) {
                gained = Similarity.minus(gained, old.apply(i).bag());
            }
            for (int i : new int[] {m.oldStart() - 1, m.oldStart() + m.oldCount()}) {
                if (unpaired(oldPaired, i)) {
                    double shared = explained(gained, old.apply(i).bag());
                    if (shared > bestShared) {
                        bestShared = shared;
                        best = new Match(m.kind(), Math.min(i, m.oldStart()), m.oldCount() + 1, m.newStart(), 1);
                    }
                }
            }
        }
        if (m.oldCount() == 1 && (unpaired(newPaired, m.newStart() - 1) || unpaired(newPaired, m.newStart() + m.newCount()))) {
            // a split: what the old sentence lost in its new part(s), sought in a new neighbour
            long[] lost = old.apply(m.oldStart()).bag();
            for (int j = m.newStart(); j < m.newStart() + m.newCount(); j++) {
                lost = Similarity.minus(lost, neu.apply(j).bag());
            }
            for (int j : new int[] {m.newStart() - 1, m.newStart() + m.newCount()}) {
                if (unpaired(newPaired, j)) {
                    double shared = explained(lost, neu.apply(j).bag());
                    if (shared > bestShared) {
                        bestShared = shared;
                        best = new Match(m.kind(), m.oldStart(), 1, Math.min(j, m.newStart()), m.newCount() + 1);
                    }
                }
            }
        }
        return best;
    }

    /** True when sentence {@code k} exists and is unpaired: most pairings have none beside them, and cost nothing here. */
    private static boolean unpaired(boolean[] paired, int k) {
        return k >= 0 && k < paired.length && !paired[k];
    }

    /**
     * Content weight of {@code missing} found in {@code neighbour}, or 0 when that is too little to
     * absorb it: the neighbour must hold most of what is missing, or be made mostly of it (a part
     * that took only some of the missing words, the rest going to a further part).
     */
    private static double explained(long[] missing, long[] neighbour) {
        double shared = Similarity.sharedContent(missing, neighbour);
        boolean enough = shared >= SHARE * Similarity.contentWeight(missing)
                || shared >= SHARE * Similarity.contentWeight(neighbour);
        return shared >= MIN_SHARED && enough ? shared : 0;
    }
}
