package dev.redline.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the sentences of two versions, in three bounded passes:
 * <ol>
 *   <li>exact matches on the comparison key, by Myers' O(ND) diff (java-diff-utils) over key ids;</li>
 *   <li>inside each gap between exact matches, deleted sentences paired with added ones as edits
 *       (also one split into two, or two merged into one) by an order-keeping dynamic programme
 *       over weighted word overlap ({@link Similarity}), restricted to a band around the gap's
 *       diagonal once the gap is large;</li>
 *   <li>moves among what is left anywhere in the text: exact by a key hash index, edited ones
 *       pair by pair when few are left, else through a candidate index of each sentence's rarest
 *       words.</li>
 * </ol>
 * No pass compares every old sentence with every new one beyond a few hundred pairs. Not
 * thread-safe; one instance per comparison.
 */
final class Aligner {
    /** Weighted word overlap (Dice) needed to call two sentences in the same place an edit of each other. */
    static final double EDIT_THRESHOLD = 0.5;
    /** Word overlap needed to call a sentence found elsewhere a moved (and edited) one: stricter. */
    static final double MOVE_THRESHOLD = 0.6;
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
    private static final double NO_GROUP = Double.NEGATIVE_INFINITY;
    /** Prefer a pairing over leaving both sides unpaired when the scores tie. */
    private static final double PAIR_BONUS = 1e-6;
    /** Gaps up to this many cells are aligned in full; larger ones in a band. */
    private static final long FULL_GAP_CELLS = 4096;
    private static final int BAND = 16;
    /** Up to this many unpaired old × new sentences are compared pair by pair, without an index. */
    private static final long ALL_PAIRS_CELLS = 256;
    /** Beyond that, edited-move candidates come from the postings of this many rarest words of a sentence… */
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
    /** Working row of {@link Similarity#orderedShare}, grown as needed: one per comparison. */
    private double[] lcsRow = new double[64];
    private final boolean[] oldPaired;
    private final boolean[] newPaired;
    private final List<Match> matches = new ArrayList<>();
    /** Number of distinct key ids ({@link #keyIds}). */
    private int keyCount;
    private boolean movesFound;

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

    private void exactThenGaps() {
        int[] oldKeys = new int[a.length];
        int[] newKeys = new int[b.length];
        int ids = keyIds(oldKeys, newKeys);
        keyCount = ids;
        // Sentences whose key the other version lacks can never match exactly: leave them out of
        // Myers' diff, whose cost grows with the number of differences (a rewritten page would
        // otherwise cost O(N·D) with D ≈ 2N), then align the gaps between the exact matches.
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
        List<Integer> oldSharedKeys = keysAt(oldKeys, oldShared);
        List<Integer> newSharedKeys = keysAt(newKeys, newShared);
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

    /**
     * Gives every sentence its key id (equal ids, equal comparison keys) and returns how many ids
     * there are. A sentence found verbatim in the other version is identified by its text; only
     * the others need their key computed (most of a page is unchanged): old ones once no new
     * sentence has their text, new ones when no old sentence has theirs. A key can equal a
     * verbatim text only when that text is already in key form, and then the two rightly share an
     * id. One hash map serves texts and keys.
     */
    private int keyIds(int[] oldKeys, int[] newKeys) {
        Map<String, Integer> ids = new HashMap<>(2 * (a.length + b.length) + 16);
        int next = 0;
        for (int i = 0; i < a.length; i++) {
            Integer known = ids.putIfAbsent(a[i].text, next);
            oldKeys[i] = known == null ? next++ : known;
        }
        boolean[] seen = new boolean[next];
        int missing = 0;
        for (int j = 0; j < b.length; j++) {
            Integer known = ids.get(b[j].text);
            if (known == null) {
                newKeys[j] = -1;
                missing++;
            } else {
                newKeys[j] = known;
                seen[known] = true;
            }
        }
        if (missing > 0) {
            for (int i = 0; i < a.length; i++) {
                if (!seen[oldKeys[i]]) {
                    String key = a[i].key();
                    if (!key.equals(a[i].text)) {
                        ids.putIfAbsent(key, oldKeys[i]);
                    }
                }
            }
            for (int j = 0; j < b.length; j++) {
                if (newKeys[j] < 0) {
                    Integer known = ids.putIfAbsent(b[j].key(), next);
                    newKeys[j] = known == null ? next++ : known;
                }
            }
        }
        for (int i = 0; i < a.length; i++) {
            a[i].keyId = oldKeys[i];
        }
        for (int j = 0; j < b.length; j++) {
            b[j].keyId = newKeys[j];
        }
        return next;
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

    private static List<Integer> keysAt(int[] keys, int[] positions) {
        List<Integer> out = new ArrayList<>(positions.length);
        for (int p : positions) {
            out.add(keys[p]);
        }
        return out;
    }

    private void add(Match match) {
        movesFound |= match.kind() == OpKind.MOVE;
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
                    if (v != NO_GROUP && s > best) {
                        best = s;
                        step = FROM_SPLIT;
                    }
                }
                if (i > 1 && j > 0 && inBand(lo, hi, i - 2, j - 1)) {
                    double v = groupScore(b[n0 + j - 1], a[o0 + i - 2], a[o0 + i - 1]);
                    double s = cell(score, lo, i - 2, j - 1) + v + PAIR_BONUS;
                    if (v != NO_GROUP && s > best) {
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

    /**
     * Score of pairing two sentences, or -1 when they are not similar enough to be one: similar
     * enough either by weighted overlap, or because one holds nearly all of the other in order.
     */
    private double pairScore(Sentence old, Sentence neu) {
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
    private boolean keptInOrder(Sentence old, Sentence neu, double shared) {
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
    private boolean replacesInPlace(Sentence old, Sentence neu) {
        if (pairScore(old, neu) >= 0) {
            return true;
        }
        double shorter = Math.min(old.weight(), neu.weight());
        return shorter > 0 && Similarity.shared(old.bag(), neu.bag()) >= IN_PLACE_CONTAINMENT * shorter
                && Similarity.commonLongWords(old.bag(), neu.bag()) >= 2;
    }

    /** Score of one sentence corresponding to two adjacent ones (split or merge), or {@link #NO_GROUP}. */
    private double groupScore(Sentence whole, Sentence part1, Sentence part2) {
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

    /** Pairs sentences still unpaired on both sides that changed place, exact ones first. */
    private void moves() {
        List<Sentence> oldLeft = unpaired(a, oldPaired);
        List<Sentence> newLeft = unpaired(b, newPaired);
        if (oldLeft.isEmpty() || newLeft.isEmpty()) {
            return;
        }
        // unpaired old sentences by key id, earliest first: a queue per id, linked through the sentences
        int[] first = new int[keyCount];
        int[] last = new int[keyCount];
        int[] next = new int[a.length];
        Arrays.fill(first, -1);
        for (Sentence s : oldLeft) {
            next[s.index] = -1;
            if (first[s.keyId] < 0) {
                first[s.keyId] = s.index;
            } else {
                next[last[s.keyId]] = s.index;
            }
            last[s.keyId] = s.index;
        }
        for (Sentence neu : newLeft) {
            int old = first[neu.keyId];
            if (old >= 0) {
                first[neu.keyId] = next[old];
                add(new Match(OpKind.MOVE, old, 1, neu.index, 1));
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
        List<Candidate> candidates = new ArrayList<>();
        if ((long) oldLeft.size() * newLeft.size() <= ALL_PAIRS_CELLS) {
            for (Sentence neu : newLeft) {
                for (Sentence old : oldLeft) {
                    consider(old, neu, candidates);
                }
            }
        } else {
            indexedCandidates(oldLeft, newLeft, candidates);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(Candidate::oldIndex).thenComparingInt(Candidate::newIndex));
        for (Candidate c : candidates) {
            if (!oldPaired[c.oldIndex()] && !newPaired[c.newIndex()]) {
                add(new Match(OpKind.MOVE, c.oldIndex(), 1, c.newIndex(), 1));
            }
        }
    }

    private void consider(Sentence old, Sentence neu, List<Candidate> candidates) {
        double shared = Similarity.shared(old.bag(), neu.bag());
        double similarity = Similarity.dice(shared, old.weight(), neu.weight());
        if (similarity >= MOVE_THRESHOLD || keptInOrder(old, neu, shared)) {
            candidates.add(new Candidate(similarity, old.index, neu.index));
        }
    }

    /** Candidates among many unpaired sentences: only old ones sharing a rare word of the new one. */
    private void indexedCandidates(List<Sentence> oldLeft, List<Sentence> newLeft, List<Candidate> candidates) {
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
        int[] seenBy = new int[a.length];
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
                    consider(old, neu, candidates);
                }
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
        if (!movesFound) {
            return matches; // the gap pass keeps the order of both versions: all are in place
        }
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
