package dev.redline.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Pairs the sentences of two versions, in three bounded passes:
 * <ol>
 *   <li>exact matches on the comparison key, by Myers' O(ND) diff (java-diff-utils) over key ids;</li>
 *   <li>inside each gap between exact matches, deleted sentences paired with added ones as edits
 *       (also one split into two, or two merged into one) by an order-keeping dynamic programme
 *       over word overlap, restricted to a band around the gap's diagonal once the gap is large;</li>
 *   <li>moves among what is left anywhere in the text: exact by a key hash index, edited by a
 *       candidate index of each sentence's rarest words.</li>
 * </ol>
 * No pass ever compares every old sentence with every new one. Not thread-safe; one instance per
 * comparison.
 */
final class Aligner {
    /** Word-overlap (Dice) needed to call two sentences in the same place an edit of each other. */
    static final double EDIT_THRESHOLD = 0.5;
    /** Word overlap needed to call a sentence found elsewhere a moved (and edited) one: stricter. */
    static final double MOVE_THRESHOLD = 0.6;
    /** Share of the shorter sentence's words that a lone in-place replacement must keep. */
    private static final double IN_PLACE_CONTAINMENT = 0.4;
    /** Words at least this long count as real words for an in-place replacement. */
    private static final int LONG_WORD = 4;
    /** Share of a part's words that must come from the whole for a split or merge. */
    private static final double PART_CONTAINMENT = 0.5;
    /** Unmatched words cost this much against each shared word when scoring a pairing. */
    private static final double UNMATCHED_COST = 0.5;
    /** Prefer a pairing over leaving both sides unpaired when the scores tie. */
    private static final double PAIR_BONUS = 1e-6;
    /** Gaps up to this many cells are aligned in full; larger ones in a band. */
    private static final long FULL_GAP_CELLS = 4096;
    private static final int BAND = 16;
    /** Edited-move candidates come from the postings of this many rarest words of a sentence… */
    private static final int RARE_WORDS = 5;
    /** …reading at most this many postings per word. */
    private static final int POSTINGS_CAP = 32;

    private static final byte FROM_DELETE = 1;
    private static final byte FROM_ADD = 2;
    private static final byte FROM_PAIR = 3;
    private static final byte FROM_SPLIT = 4;
    private static final byte FROM_MERGE = 5;

    private final Sentence[] a;
    private final Sentence[] b;
    private final Vocabulary vocabulary = new Vocabulary();
    private final boolean[] oldPaired;
    private final boolean[] newPaired;
    private final List<Match> matches = new ArrayList<>();

    private Aligner(Sentence[] a, Sentence[] b) {
        this.a = a;
        this.b = b;
        this.oldPaired = new boolean[a.length];
        this.newPaired = new boolean[b.length];
    }

    /** All pairings between the old sentences {@code a} and the new sentences {@code b}. */
    static List<Match> align(Sentence[] a, Sentence[] b, List<String> oldTexts, List<String> newTexts) {
        if (Direction.swap(oldTexts, newTexts)) {
            return new Aligner(b, a).run().stream()
                    .map(m -> new Match(m.kind(), m.newStart(), m.newCount(), m.oldStart(), m.oldCount()))
                    .toList();
        }
        return new Aligner(a, b).run();
    }

    private List<Match> run() {
        exactThenGaps();
        moves();
        return inPlaceOrMoved();
    }

    private static Set<String> texts(Sentence[] sentences) {
        Set<String> texts = new HashSet<>(2 * sentences.length);
        for (Sentence s : sentences) {
            texts.add(s.text);
        }
        return texts;
    }

    private void exactThenGaps() {
        // A sentence found verbatim in the other version is identified by its text; only the
        // others need their key computed (most of a page is unchanged). A key can equal a verbatim
        // text only when that text is already in key form, and then the two rightly share an id.
        Set<String> oldTexts = texts(a);
        Set<String> newTexts = texts(b);
        Map<String, Integer> keyIds = new HashMap<>(2 * (a.length + b.length));
        List<Integer> oldKeys = new ArrayList<>(a.length);
        List<Integer> newKeys = new ArrayList<>(b.length);
        for (Sentence s : a) {
            s.keyId = keyIds.computeIfAbsent(newTexts.contains(s.text) ? s.text : s.key(), k -> keyIds.size());
            oldKeys.add(s.keyId);
        }
        for (Sentence s : b) {
            s.keyId = keyIds.computeIfAbsent(oldTexts.contains(s.text) ? s.text : s.key(), k -> keyIds.size());
            newKeys.add(s.keyId);
        }
        // Sentences whose key the other version lacks can never match exactly: leave them out of
        // Myers' diff, whose cost grows with the number of differences (a rewritten page would
        // otherwise cost O(N·D) with D ≈ 2N), then align the gaps between the exact matches.
        boolean[] inNew = new boolean[keyIds.size()];
        boolean[] inOld = new boolean[keyIds.size()];
        newKeys.forEach(id -> inNew[id] = true);
        oldKeys.forEach(id -> inOld[id] = true);
        int[] oldShared = sharedPositions(oldKeys, inNew);
        int[] newShared = sharedPositions(newKeys, inOld);
        List<Integer> oldSharedKeys = Arrays.stream(oldShared).mapToObj(oldKeys::get).toList();
        List<Integer> newSharedKeys = Arrays.stream(newShared).mapToObj(newKeys::get).toList();
        int oldAt = 0;
        int newAt = 0;
        int sharedOldAt = 0;
        int sharedNewAt = 0;
        List<AbstractDelta<Integer>> deltas = DiffUtils.diff(oldSharedKeys, newSharedKeys).getDeltas();
        for (int d = 0; d <= deltas.size(); d++) {
            int equalUntil = d < deltas.size() ? deltas.get(d).getSource().getPosition() : oldShared.length;
            for (; sharedOldAt < equalUntil; sharedOldAt++, sharedNewAt++) {
                int i = oldShared[sharedOldAt];
                int j = newShared[sharedNewAt];
                alignGap(oldAt, i - oldAt, newAt, j - newAt);
                add(new Match(OpKind.SAME, i, 1, j, 1));
                oldAt = i + 1;
                newAt = j + 1;
            }
            if (d < deltas.size()) {
                sharedOldAt += deltas.get(d).getSource().size();
                sharedNewAt += deltas.get(d).getTarget().size();
            }
        }
        alignGap(oldAt, a.length - oldAt, newAt, b.length - newAt);
    }

    private static int[] sharedPositions(List<Integer> keys, boolean[] inOther) {
        return IntStream.range(0, keys.size()).filter(k -> inOther[keys.get(k)]).toArray();
    }

    private void add(Match match) {
        matches.add(match);
        for (int i = 0; i < match.oldCount(); i++) {
            oldPaired[match.oldStart() + i] = true;
        }
        for (int j = 0; j < match.newCount(); j++) {
            newPaired[match.newStart() + j] = true;
        }
    }

    /**
     * Best order-keeping pairing of old[o0, o0+p) with new[n0, n0+q): maximises shared words minus
     * half the unshared ones over the pairs, each pair at least {@link #EDIT_THRESHOLD} similar.
     * Row i of the table only holds the columns near the scaled diagonal once the gap is large, so
     * the work is O(p·band + q) rather than O(p·q).
     */
    private void alignGap(int o0, int p, int n0, int q) {
        if (p == 0 || q == 0) {
            return;
        }
        if (p == 1 && q == 1) {
            if (replacesInPlace(a[o0], b[n0])) {
                add(new Match(OpKind.EDIT, o0, 1, n0, 1));
            }
            return;
        }
        boolean full = (long) p * q <= FULL_GAP_CELLS;
        int[] lo = new int[p + 1];
        int[] hi = new int[p + 1];
        double[][] score = new double[p + 1][];
        byte[][] from = new byte[p + 1][];
        for (int i = 0; i <= p; i++) {
            lo[i] = full ? 0 : (int) Math.max(0, Math.floorDiv((long) (i - 1) * q, p) - BAND);
            hi[i] = full ? q : (int) Math.min(q, -Math.floorDiv(-(long) (i + 1) * q, p) + BAND);
            score[i] = new double[hi[i] - lo[i] + 1];
            from[i] = new byte[hi[i] - lo[i] + 1];
            Arrays.fill(score[i], Double.NEGATIVE_INFINITY);
        }
        score[0][0] = 0;
        for (int i = 0; i <= p; i++) {
            for (int j = Math.max(lo[i], i == 0 ? 1 : 0); j <= hi[i]; j++) {
                double best = Double.NEGATIVE_INFINITY;
                byte step = 0;
                if (i > 0 && j > 0 && inBand(lo, hi, i - 1, j - 1)) {
                    double v = pairScore(a[o0 + i - 1], b[n0 + j - 1]);
                    double s = cell(score, lo, i - 1, j - 1) + v + PAIR_BONUS;
                    if (v >= 0 && s > best) {
                        best = s;
                        step = FROM_PAIR;
                    }
                }
                if (i > 0 && j > 1 && inBand(lo, hi, i - 1, j - 2)) {
                    double v = groupScore(a[o0 + i - 1], b[n0 + j - 2], b[n0 + j - 1]);
                    double s = cell(score, lo, i - 1, j - 2) + v + PAIR_BONUS;
                    if (v >= 0 && s > best) {
                        best = s;
                        step = FROM_SPLIT;
                    }
                }
                if (i > 1 && j > 0 && inBand(lo, hi, i - 2, j - 1)) {
                    double v = groupScore(b[n0 + j - 1], a[o0 + i - 2], a[o0 + i - 1]);
                    double s = cell(score, lo, i - 2, j - 1) + v + PAIR_BONUS;
                    if (v >= 0 && s > best) {
                        best = s;
                        step = FROM_MERGE;
                    }
                }
                if (i > 0 && inBand(lo, hi, i - 1, j) && cell(score, lo, i - 1, j) > best) {
                    best = cell(score, lo, i - 1, j);
                    step = FROM_DELETE;
                }
                if (j > 0 && inBand(lo, hi, i, j - 1) && cell(score, lo, i, j - 1) > best) {
                    best = cell(score, lo, i, j - 1);
                    step = FROM_ADD;
                }
                score[i][j - lo[i]] = best;
                from[i][j - lo[i]] = step;
            }
        }
        int i = p;
        int j = q;
        while (i > 0 || j > 0) {
            switch (from[i][j - lo[i]]) {
                case FROM_PAIR -> {
                    Sentence old = a[o0 + i - 1];
                    Sentence neu = b[n0 + j - 1];
                    add(new Match(old.keyId == neu.keyId ? OpKind.SAME : OpKind.EDIT, old.index, 1, neu.index, 1));
                    i--;
                    j--;
                }
                case FROM_SPLIT -> {
                    add(new Match(OpKind.EDIT, o0 + i - 1, 1, n0 + j - 2, 2));
                    i--;
                    j -= 2;
                }
                case FROM_MERGE -> {
                    add(new Match(OpKind.EDIT, o0 + i - 2, 2, n0 + j - 1, 1));
                    i -= 2;
                    j--;
                }
                case FROM_DELETE -> i--;
                case FROM_ADD -> j--;
                default -> throw new IllegalStateException("no path through gap cell " + i + "," + j);
            }
        }
    }

    private static boolean inBand(int[] lo, int[] hi, int i, int j) {
        return j >= lo[i] && j <= hi[i];
    }

    private static double cell(double[][] score, int[] lo, int i, int j) {
        return score[i][j - lo[i]];
    }

    /** Score of pairing two sentences, or -1 when they are not similar enough to be one. */
    private double pairScore(Sentence old, Sentence neu) {
        int[] x = old.tokens(vocabulary);
        int[] y = neu.tokens(vocabulary);
        int shared = Similarity.common(x, y);
        if (Similarity.dice(shared, x.length, y.length) < EDIT_THRESHOLD) {
            return -1;
        }
        return shared - UNMATCHED_COST * (x.length + y.length - 2 * shared);
    }

    /**
     * A lone sentence replaced by a lone sentence between the same neighbours is an update of it
     * (an edit) on weaker evidence than elsewhere: enough of the shorter one survives and at least
     * two real words (not "the", "said") are shared.
     */
    private boolean replacesInPlace(Sentence old, Sentence neu) {
        if (pairScore(old, neu) >= 0) {
            return true;
        }
        int[] x = old.tokens(vocabulary);
        int[] y = neu.tokens(vocabulary);
        int shorter = Math.min(x.length, y.length);
        return shorter > 0 && Similarity.common(x, y) >= IN_PLACE_CONTAINMENT * shorter
                && Similarity.commonLongWords(x, y, vocabulary, LONG_WORD) >= 2;
    }

    /** Score of one sentence corresponding to two adjacent ones (split or merge), or -1. */
    private double groupScore(Sentence whole, Sentence part1, Sentence part2) {
        int[] w = whole.tokens(vocabulary);
        int[] x = part1.tokens(vocabulary);
        int[] y = part2.tokens(vocabulary);
        if (x.length == 0 || y.length == 0
                || Similarity.common(w, x) < PART_CONTAINMENT * x.length
                || Similarity.common(w, y) < PART_CONTAINMENT * y.length) {
            return -1;
        }
        int[] both = Similarity.concat(x, y);
        int shared = Similarity.common(w, both);
        if (Similarity.dice(shared, w.length, both.length) < EDIT_THRESHOLD) {
            return -1;
        }
        return shared - UNMATCHED_COST * (w.length + both.length - 2 * shared);
    }

    /** Pairs sentences still unpaired on both sides that changed place, exact ones first. */
    private void moves() {
        List<Sentence> oldLeft = unpaired(a, oldPaired);
        List<Sentence> newLeft = unpaired(b, newPaired);
        if (oldLeft.isEmpty() || newLeft.isEmpty()) {
            return;
        }
        Map<String, ArrayDeque<Sentence>> byKey = new HashMap<>();
        for (Sentence s : oldLeft) {
            byKey.computeIfAbsent(s.key(), k -> new ArrayDeque<>()).add(s);
        }
        for (Sentence neu : newLeft) {
            ArrayDeque<Sentence> same = byKey.get(neu.key());
            if (same != null && !same.isEmpty()) {
                add(new Match(OpKind.MOVE, same.poll().index, 1, neu.index, 1));
            }
        }
        editedMoves(unpaired(a, oldPaired), unpaired(b, newPaired));
    }

    private record Candidate(double similarity, int oldIndex, int newIndex) {
    }

    private void editedMoves(List<Sentence> oldLeft, List<Sentence> newLeft) {
        if (oldLeft.isEmpty() || newLeft.isEmpty()) {
            return;
        }
        for (Sentence s : oldLeft) {
            s.tokens(vocabulary);
        }
        for (Sentence s : newLeft) {
            s.tokens(vocabulary);
        }
        Map<Integer, List<Sentence>> postings = new HashMap<>();
        for (Sentence s : oldLeft) {
            int[] t = s.tokens(vocabulary);
            for (int k = 0; k < t.length; k++) {
                if (k == 0 || t[k] != t[k - 1]) {
                    postings.computeIfAbsent(t[k], x -> new ArrayList<>()).add(s);
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        int[] seenBy = new int[a.length];
        Arrays.fill(seenBy, -1);
        for (Sentence neu : newLeft) {
            int[] y = neu.tokens(vocabulary);
            // the rarest words this sentence shares with some unpaired old sentence
            int[] rare = Arrays.stream(y).distinct().filter(postings::containsKey).boxed()
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
                    int[] x = old.tokens(vocabulary);
                    if (2.0 * Math.min(x.length, y.length) < MOVE_THRESHOLD * (x.length + y.length)) {
                        continue; // too different in length to reach the threshold
                    }
                    double similarity = Similarity.dice(Similarity.common(x, y), x.length, y.length);
                    if (similarity >= MOVE_THRESHOLD) {
                        candidates.add(new Candidate(similarity, old.index, neu.index));
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(Candidate::oldIndex).thenComparingInt(Candidate::newIndex));
        for (Candidate c : candidates) {
            if (!oldPaired[c.oldIndex()] && !newPaired[c.newIndex()]) {
                add(new Match(OpKind.MOVE, c.oldIndex(), 1, c.newIndex(), 1));
            }
        }
    }

    /**
     * Which pairings kept their place: the heaviest chain of pairings in the same order in both
     * versions (a weighted longest increasing subsequence, O(n log n) with a Fenwick tree of
     * maxima); every other pairing is a move. Exact matches weigh a little more, so when two
     * choices keep as many sentences in place, the reworded one is called moved. Exact matching
     * alone cannot see that, say, an edited sentence still follows its old neighbour.
     */
    private List<Match> inPlaceOrMoved() {
        List<Match> byNew = new ArrayList<>(matches);
        byNew.sort(Comparator.comparingInt(Match::newStart));
        int n = byNew.size();
        double[] chain = new double[n];
        int[] previous = new int[n];
        int[] tree = new int[a.length + 1];
        Arrays.fill(tree, -1);
        for (int k = 0; k < n; k++) {
            Match m = byNew.get(k);
            int before = -1;
            for (int pos = m.oldStart(); pos > 0; pos -= pos & -pos) {
                if (tree[pos] >= 0 && (before < 0 || chain[tree[pos]] > chain[before])) {
                    before = tree[pos];
                }
            }
            chain[k] = weight(m) + (before < 0 ? 0 : chain[before]);
            previous[k] = before;
            for (int pos = m.oldStart() + m.oldCount(); pos <= a.length; pos += pos & -pos) {
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
        List<Match> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Match m = byNew.get(k);
            OpKind kind = !inPlace[k] ? OpKind.MOVE : exact(m) ? OpKind.SAME : OpKind.EDIT;
            out.add(new Match(kind, m.oldStart(), m.oldCount(), m.newStart(), m.newCount()));
        }
        return out;
    }

    private boolean exact(Match m) {
        return m.oldCount() == 1 && m.newCount() == 1 && a[m.oldStart()].keyId == b[m.newStart()].keyId;
    }

    private double weight(Match m) {
        return exact(m) ? 1.001 : 1.0;
    }

    private static List<Sentence> unpaired(Sentence[] sentences, boolean[] paired) {
        List<Sentence> left = new ArrayList<>();
        for (Sentence s : sentences) {
            if (!paired[s.index]) {
                left.add(s);
            }
        }
        return left;
    }
}
