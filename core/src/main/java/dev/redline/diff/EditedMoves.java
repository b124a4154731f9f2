package dev.redline.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidates for the aligner's edited moves: an unpaired old sentence and an unpaired new one
 * elsewhere in the text that are one sentence moved and reworded. Found elsewhere, a pairing needs
 * stronger evidence than in place: {@link #MOVE_THRESHOLD} overlap, or the shorter kept whole in
 * order inside the longer ({@link PairScore#keptInOrder}). A heavily reworded move still counts at
 * the in-place edit threshold when the two sentences are each other's most similar unpaired
 * sentence and share at least two real words: being the best match on both sides is the evidence
 * the place no longer gives. Pair by pair when few are left, else through a candidate index of
 * each new sentence's rarest words, so never every old sentence against every new one on a big
 * page. Not thread-safe; one instance per {@link Aligner} run.
 */
final class EditedMoves {
    /** Word overlap needed to call a sentence found elsewhere a moved (and edited) one: stricter. */
    static final double MOVE_THRESHOLD = 0.6;
    /** Long words (not "the", "said") a mutual best pair below {@link #MOVE_THRESHOLD} must share. */
    private static final int MUTUAL_LONG_WORDS = 2;
    /** Up to this many unpaired old × new sentences are compared pair by pair, without an index. */
    private static final long ALL_PAIRS_CELLS = 256;
    /** Beyond that, candidates come from the postings of this many rarest words of a sentence… */
    private static final int RARE_WORDS = 5;
    /** …reading at most this many postings per word. */
    private static final int POSTINGS_CAP = 32;

    /** One candidate pairing and its weighted overlap. */
    record Candidate(double similarity, int oldIndex, int newIndex) {
    }

    private final PairScore scores;
    /** Best overlap seen for each old and each new sentence, over every pair considered. */
    private final double[] bestOfOld;
    private final double[] bestOfNew;
    private final List<Candidate> strong = new ArrayList<>();
    private final List<Candidate> mutualOnly = new ArrayList<>();

    private EditedMoves(PairScore scores, int oldSize, int newSize) {
        this.scores = scores;
        this.bestOfOld = new double[oldSize];
        this.bestOfNew = new double[newSize];
    }

    /**
     * The candidates among the unpaired sentences, most similar first (ties by position); the
     * caller takes each whose two sentences are both still unpaired.
     */
    static List<Candidate> among(List<Sentence> oldLeft, List<Sentence> newLeft, PairScore scores, int oldSize, int newSize) {
        EditedMoves moves = new EditedMoves(scores, oldSize, newSize);
        if ((long) oldLeft.size() * newLeft.size() <= ALL_PAIRS_CELLS) {
            for (Sentence neu : newLeft) {
                for (Sentence old : oldLeft) {
                    moves.consider(old, neu);
                }
            }
        } else {
            moves.indexed(oldLeft, newLeft);
        }
        List<Candidate> candidates = moves.strong;
        for (Candidate c : moves.mutualOnly) {
            if (c.similarity() >= moves.bestOfOld[c.oldIndex()] && c.similarity() >= moves.bestOfNew[c.newIndex()]) {
                candidates.add(c);
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(Candidate::oldIndex).thenComparingInt(Candidate::newIndex));
        return candidates;
    }

    private void consider(Sentence old, Sentence neu) {
        double shared = Similarity.shared(old.bag(), neu.bag());
        double similarity = Similarity.dice(shared, old.weight(), neu.weight());
        bestOfOld[old.index] = Math.max(bestOfOld[old.index], similarity);
        bestOfNew[neu.index] = Math.max(bestOfNew[neu.index], similarity);
        if (similarity >= MOVE_THRESHOLD || scores.keptInOrder(old, neu, shared)) {
            strong.add(new Candidate(similarity, old.index, neu.index));
        } else if (similarity >= PairScore.EDIT_THRESHOLD
                && Similarity.commonLongWords(old.bag(), neu.bag()) >= MUTUAL_LONG_WORDS) {
            mutualOnly.add(new Candidate(similarity, old.index, neu.index));
        }
    }

    /** Candidates among many unpaired sentences: only old ones sharing a rare word of the new one. */
    private void indexed(List<Sentence> oldLeft, List<Sentence> newLeft) {
        Map<Integer, List<Sentence>> postings = new HashMap<>();
        for (Sentence s : oldLeft) {
            long[] t = s.bag();
            for (int k = 0; k < t.length; k++) {
                int word = (int) (t[k] >> 32);
                if (k == 0 || word != (int) (t[k - 1] >> 32)) {
                    postings.computeIfAbsent(word, x -> new ArrayList<>()).add(s);
                }
            }
        }
        int[] seenBy = new int[bestOfOld.length];
        Arrays.fill(seenBy, -1);
        for (Sentence neu : newLeft) {
            long[] y = neu.bag();
            // the rarest words this sentence shares with some unpaired old sentence
            int[] rare = Arrays.stream(y).mapToInt(t -> (int) (t >> 32)).distinct().filter(postings::containsKey).boxed()
                    .sorted(Comparator.<Integer>comparingInt(t -> postings.get(t).size()).thenComparingInt(t -> t))
                    .limit(RARE_WORDS).mapToInt(Integer::intValue).toArray();
            for (int word : rare) {
                List<Sentence> list = postings.get(word);
                for (int k = 0; k < Math.min(POSTINGS_CAP, list.size()); k++) {
                    Sentence old = list.get(k);
                    if (seenBy[old.index] == neu.index) {
                        continue;
                    }
                    seenBy[old.index] = neu.index;
                    consider(old, neu);
                }
            }
        }
    }
}
