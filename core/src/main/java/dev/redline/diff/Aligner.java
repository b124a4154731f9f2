package dev.redline.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs the sentences of two versions, in four bounded passes:
 * <ol>
 *   <li>exact matches on the comparison key ({@link ExactMatches}: Myers' O(ND) diff over key ids);</li>
 *   <li>inside each gap between exact matches, deleted sentences paired with added ones as edits
 *       (also one split into two, or two merged into one) by an order-keeping dynamic programme
 *       over weighted word overlap ({@link Similarity}), restricted to a band around the gap's
 *       diagonal once the gap is large;</li>
 *   <li>moves among what is left anywhere in the text: exact by a key hash index, edited ones
 *       from {@link EditedMoves} (pair by pair when few are left, else through a candidate index
 *       of each sentence's rarest words);</li>
 *   <li>an unpaired sentence beside a pairing that accounts for the words the pairing cannot
 *       joins it as a further part of a split or merge ({@link Absorb}).</li>
 * </ol>
 * No pass compares every old sentence with every new one beyond a few hundred pairs. Not
 * thread-safe; one instance per comparison.
 */
final class Aligner {
    /** Prefer a pairing over leaving both sides unpaired when the scores tie. */
    private static final double PAIR_BONUS = 1e-6;
    /** Gaps up to this many cells are aligned in full; larger ones in a band. */
    private static final long FULL_GAP_CELLS = 4096;
    private static final int BAND = 16;

    private static final byte FROM_DELETE = 1;
    private static final byte FROM_ADD = 2;
    private static final byte FROM_PAIR = 3;
    private static final byte FROM_SPLIT = 4;
    private static final byte FROM_MERGE = 5;

    private final List<String> oldTexts;
    private final List<String> newTexts;
    /** The sentences the passes look into, made on first use: most of a page is matched by text alone. */
    private final Sentence[] a;
    private final Sentence[] b;
    /** Key ids (equal ids, equal comparison keys) of the old and new sentences. */
    private final int[] oldKeys;
    private final int[] newKeys;
    private final PairScore scores = new PairScore();
    private final boolean[] oldPaired;
    private final boolean[] newPaired;
    private final List<Match> matches = new ArrayList<>();
    /** Number of distinct key ids ({@link #keyIds}). */
    private int keyCount;
    private boolean movesFound;
    /** The texts' ids table, kept after the key ids for what it learnt of equal texts. */
    private TextIds ids;

    private Aligner(List<String> oldTexts, List<String> newTexts) {
        this.oldTexts = oldTexts;
        this.newTexts = newTexts;
        this.a = new Sentence[oldTexts.size()];
        this.b = new Sentence[newTexts.size()];
        this.oldKeys = new int[a.length];
        this.newKeys = new int[b.length];
        this.oldPaired = new boolean[a.length];
        this.newPaired = new boolean[b.length];
    }

    /** All pairings between the old sentences and the new ones. */
    static List<Match> align(List<String> oldTexts, List<String> newTexts) {
        if (Direction.swap(oldTexts, newTexts)) {
            return new Aligner(newTexts, oldTexts).run().stream()
                    .map(m -> new Match(m.kind(), m.newStart(), m.newCount(), m.oldStart(), m.oldCount()))
                    .toList();
        }
        return new Aligner(oldTexts, newTexts).run();
    }

    private Sentence old(int i) {
        Sentence s = a[i];
        return s != null ? s : (a[i] = new Sentence(i, oldTexts.get(i)));
    }

    private Sentence neu(int j) {
        Sentence s = b[j];
        return s != null ? s : (b[j] = new Sentence(j, newTexts.get(j)));
    }

    private List<Match> run() {
        exactThenGaps();
        moves();
        Absorb.neighbours(matches, this::old, this::neu, oldPaired, newPaired);
        List<Match> result = inPlaceOrMoved();
        shareUnchangedTexts(result);
        return result;
    }

    /**
     * A new sentence paired with an old one of the same text takes over the old one's string, so
     * an unchanged sentence of two kept splits is one string in the result, not two.
     */
    private void shareUnchangedTexts(List<Match> result) {
        if (!(oldTexts instanceof SentenceSpans x) || !(newTexts instanceof SentenceSpans y)) {
            return;
        }
        for (Match m : result) {
            if (m.oldCount() == 1 && m.newCount() == 1 && ids.knownSameText(m.oldStart(), m.newStart())) {
                y.adopt(m.newStart(), x, m.oldStart());
            }
        }
    }

    private void exactThenGaps() {
        keyCount = keyIds();
        int[] exact = ExactMatches.pairs(oldKeys, newKeys, keyCount);
        int oldAt = 0;
        int newAt = 0;
        for (int k = 0; k < exact.length; k += 2) {
            int i = exact[k];
            int j = exact[k + 1];
            alignGap(oldAt, i - oldAt, newAt, j - newAt);
            add(new Match(OpKind.SAME, i, 1, j, 1));
            oldAt = i + 1;
            newAt = j + 1;
        }
        alignGap(oldAt, a.length - oldAt, newAt, b.length - newAt);
    }

    /**
     * Gives every sentence its key id (equal ids, equal comparison keys) and returns how many ids
     * there are. A sentence found verbatim in the other version is identified by its text; only
     * the others need their key computed (most of a page is unchanged): old ones once no new
     * sentence has their text, new ones when no old sentence has theirs. A key can equal a
     * verbatim text only when that text is already in key form, and then the two rightly share an
     * id. One table serves texts and keys ({@link TextIds}: for kept splits it goes by their key
     * hashes and compares spans, making no strings); the unchanged start and end need none.
     */
    private int keyIds() {
        // the unchanged start and end of the page pair up by text alone, with ids of their own
        int head = 0;
        ids = new TextIds(oldTexts, newTexts);
        while (head < a.length && head < b.length && ids.sameText(head, head)) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && ids.sameText(a.length - 1 - tail, b.length - 1 - tail)) {
            tail++;
        }
        int next = 0;
        for (int k = 0; k < head; k++) {
            oldKeys[k] = newKeys[k] = next++;
        }
        for (int k = 1; k <= tail; k++) {
            oldKeys[a.length - k] = newKeys[b.length - k] = next++;
        }
        int oldEnd = a.length - tail;
        int newEnd = b.length - tail;
        ids.size(oldEnd + newEnd - 2 * head);
        for (int i = head; i < oldEnd; i++) {
            int known = ids.putOldText(i, next);
            oldKeys[i] = known < 0 ? next++ : known;
        }
        boolean[] seen = new boolean[next];
        int missing = 0;
        for (int j = head; j < newEnd; j++) {
            int known = ids.newText(j);
            if (known < 0) {
                newKeys[j] = -1;
                missing++;
            } else {
                newKeys[j] = known;
                seen[known] = true;
            }
        }
        if (missing > 0) {
            for (int i = head; i < oldEnd; i++) {
                if (!seen[oldKeys[i]]) {
                    String key = old(i).key();
                    if (!key.equals(oldTexts.get(i))) {
                        ids.putKey(key, oldKeys[i]);
                    }
                }
            }
            for (int j = head; j < newEnd; j++) {
                if (newKeys[j] < 0) {
                    int known = ids.putKey(neu(j).key(), next);
                    newKeys[j] = known < 0 ? next++ : known;
                }
            }
        }
        return next;
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
     * half the unshared ones over the pairs, each pair at least {@link PairScore#EDIT_THRESHOLD} similar.
     * Row i of the table only holds the columns near the scaled diagonal once the gap is large, so
     * the work is O(p·band + q) rather than O(p·q).
     */
    private void alignGap(int o0, int p, int n0, int q) {
        if (p == 0 || q == 0) {
            return;
        }
        if (p == 1 && q == 1) {
            if (scores.replacesInPlace(old(o0), neu(n0))) {
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
                    double v = scores.pair(old(o0 + i - 1), neu(n0 + j - 1));
                    double s = cell(score, lo, i - 1, j - 1) + v + PAIR_BONUS;
                    if (v >= 0 && s > best) {
                        best = s;
                        step = FROM_PAIR;
                    }
                }
                if (i > 0 && j > 1 && inBand(lo, hi, i - 1, j - 2)) {
                    double v = scores.group(old(o0 + i - 1), neu(n0 + j - 2), neu(n0 + j - 1));
                    double s = cell(score, lo, i - 1, j - 2) + v + PAIR_BONUS;
                    if (v != PairScore.NO_GROUP && s > best) {
                        best = s;
                        step = FROM_SPLIT;
                    }
                }
                if (i > 1 && j > 0 && inBand(lo, hi, i - 2, j - 1)) {
                    double v = scores.group(neu(n0 + j - 1), old(o0 + i - 2), old(o0 + i - 1));
                    double s = cell(score, lo, i - 2, j - 1) + v + PAIR_BONUS;
                    if (v != PairScore.NO_GROUP && s > best) {
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
        int found = matches.size();
        while (i > 0 || j > 0) {
            switch (from[i][j - lo[i]]) {
                case FROM_PAIR -> {
                    int oldIndex = o0 + i - 1;
                    int newIndex = n0 + j - 1;
                    add(new Match(oldKeys[oldIndex] == newKeys[newIndex] ? OpKind.SAME : OpKind.EDIT, oldIndex, 1, newIndex, 1));
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
        lonelyReplacements(o0, p, n0, q, found);
    }

    /**
     * Within a gap the programme has paired, a lone old sentence and a lone new one left between
     * the same two pairings (or a pairing and the gap's end) replace each other in place: they get
     * the weaker in-place test a one-by-one gap gets ({@link PairScore#replacesInPlace}), since
     * their neighbours, edited or not, already say where they stand.
     */
    private void lonelyReplacements(int o0, int p, int n0, int q, int found) {
        int added = matches.size();
        if (added == found) {
            return; // nothing paired: the gap has no inner neighbours
        }
        int i = o0;
        int j = n0;
        // the traceback added the gap's pairings last first
        for (int k = added; k >= found; k--) {
            Match m = k > found ? matches.get(k - 1) : null;
            int oldUntil = m == null ? o0 + p : m.oldStart();
            int newUntil = m == null ? n0 + q : m.newStart();
            if (oldUntil - i == 1 && newUntil - j == 1 && scores.replacesInPlace(old(i), neu(j))) {
                add(new Match(OpKind.EDIT, i, 1, j, 1));
            }
            if (m != null) {
                i = m.oldStart() + m.oldCount();
                j = m.newStart() + m.newCount();
            }
        }
    }

    private static boolean inBand(int[] lo, int[] hi, int i, int j) {
        return j >= lo[i] && j <= hi[i];
    }

    private static double cell(double[][] score, int[] lo, int i, int j) {
        return score[i][j - lo[i]];
    }

    /** Pairs sentences still unpaired on both sides that changed place, exact ones first. */
    private void moves() {
        List<Sentence> oldLeft = unpaired(true);
        List<Sentence> newLeft = unpaired(false);
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
            int id = oldKeys[s.index];
            if (first[id] < 0) {
                first[id] = s.index;
            } else {
                next[last[id]] = s.index;
            }
            last[id] = s.index;
        }
        for (Sentence neu : newLeft) {
            int id = newKeys[neu.index];
            int old = first[id];
            if (old >= 0) {
                first[id] = next[old];
                add(new Match(OpKind.MOVE, old, 1, neu.index, 1));
            }
        }
        editedMoves(unpaired(true), unpaired(false));
    }

    private void editedMoves(List<Sentence> oldLeft, List<Sentence> newLeft) {
        if (oldLeft.isEmpty() || newLeft.isEmpty()) {
            return;
        }
        for (EditedMoves.Candidate c : EditedMoves.among(oldLeft, newLeft, scores, a.length, b.length)) {
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
        if (!movesFound) {
            return matches; // the gap pass keeps the order of both versions: all are in place
        }
        List<Match> byNew = new ArrayList<>(matches);
        byNew.sort(Comparator.comparingInt(Match::newStart));
        int n = byNew.size();
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = weight(byNew.get(k));
        }
        boolean[] inPlace = Chain.heaviest(byNew, weights, a.length);
        List<Match> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Match m = byNew.get(k);
            OpKind kind = !inPlace[k] ? OpKind.MOVE : exact(m) ? OpKind.SAME : OpKind.EDIT;
            out.add(new Match(kind, m.oldStart(), m.oldCount(), m.newStart(), m.newCount()));
        }
        return out;
    }

    private boolean exact(Match m) {
        return m.oldCount() == 1 && m.newCount() == 1 && oldKeys[m.oldStart()] == newKeys[m.newStart()];
    }

    private double weight(Match m) {
        return exact(m) ? 1.001 : 1.0;
    }

    private List<Sentence> unpaired(boolean oldSide) {
        boolean[] paired = oldSide ? oldPaired : newPaired;
        List<Sentence> left = new ArrayList<>();
        for (int k = 0; k < paired.length; k++) {
            if (!paired[k]) {
                left.add(oldSide ? old(k) : neu(k));
            }
        }
        return left;
    }
}
