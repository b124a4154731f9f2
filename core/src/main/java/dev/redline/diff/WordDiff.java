package dev.redline.diff;

import com.github.difflib.algorithm.Change;
import dev.redline.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * Word-level diff of two short texts (an edited sentence, a headline). The pieces compared are
 * words and single punctuation marks ({@link Words#pieces}), on their {@link dev.redline.text.Normalize#key}, so a
 * change is as small as a reader would mark it by hand: "regrettable." → "regrettable and urged a
 * return to talks." inserts one phrase before the kept full stop. Runs are merged so a reader
 * sees phrases, not confetti: one short unchanged piece between two changes is folded into the
 * change. Each change is a delete run followed by an add run; each run keeps its original text
 * and says whether a space stands before it. Direction-independent (see {@link Direction}): the
 * diff of B with A mirrors that of A with B. Thread-safe.
 */
public final class WordDiff {
    /** An unchanged piece this short between two changes is folded into them. */
    private static final int GLUE_WORD_LENGTH = 3;

    private WordDiff() {
    }

    /** The word runs turning {@code old} into {@code neu}. */
    public static List<WordOp> of(String old, String neu) {
        Side a = new Side(old, Words.pieceBounds(old));
        Side b = new Side(neu, Words.pieceBounds(neu));
        // the canonical orientation (see Direction): any rule symmetric in the two texts will do
        boolean swap = a.size() != b.size() ? a.size() > b.size() : old.compareTo(neu) > 0;
        if (swap) {
            List<Run> reversed = glue(runs(b, a), b, a);
            return toOps(reversed.stream().map(Run::mirrored).toList(), a, b);
        }
        return toOps(glue(runs(a, b), a, b), a, b);
    }

    /** One text cut into pieces: {@code bounds} holds the start and end of each in turn ({@link Words#pieceBounds}). */
    private record Side(String text, int[] bounds) {
        int size() {
            return bounds.length / 2;
        }

        int start(int at) {
            return bounds[2 * at];
        }

        int end(int at) {
            return bounds[2 * at + 1];
        }

        /** True when piece {@code at} is the same text as piece {@code otherAt} of {@code other}. */
        boolean sameText(int at, Side other, int otherAt) {
            int length = end(at) - start(at);
            return length == other.end(otherAt) - other.start(otherAt)
                    && text.regionMatches(start(at), other.text, other.start(otherAt), length);
        }

        String text(int from, int to) {
            return text.substring(start(from), end(to - 1));
        }

        int length(int from, int to) {
            return end(to - 1) - start(from);
        }

        /** Whether the piece at {@code at} follows a space; a run at the start follows one only after a run. */
        boolean spaceBefore(int at, boolean afterRun) {
            return at == 0 ? afterRun : Words.spaceBefore(text, start(at));
        }
    }

    /** Pieces [oldFrom, oldTo) of the old side and [newFrom, newTo) of the new: unchanged or changed. */
    private record Run(boolean same, int oldFrom, int oldTo, int newFrom, int newTo) {
        Run mirrored() {
            return new Run(same, newFrom, newTo, oldFrom, oldTo);
        }
    }

    /**
     * Unchanged and changed runs. Pieces with the same text at both ends are unchanged without
     * looking at their keys; only the middle, where the edit is, goes to Myers' diff ({@link IdDiff}), over the
     * pieces' key ids ({@link PieceIds}: small ids, so their boxes are the JDK's cached ones).
     */
    private static List<Run> runs(Side old, Side neu) {
        int oldSize = old.size();
        int newSize = neu.size();
        int head = 0;
        while (head < oldSize && head < newSize && old.sameText(head, neu, head)) {
            head++;
        }
        int tail = 0;
        while (tail < oldSize - head && tail < newSize - head && old.sameText(oldSize - 1 - tail, neu, newSize - 1 - tail)) {
            tail++;
        }
        PieceIds ids = new PieceIds(oldSize + newSize - 2 * (head + tail));
        List<Integer> oldKeys = ids.of(old.text(), old.bounds(), head, oldSize - tail);
        List<Integer> newKeys = ids.of(neu.text(), neu.bounds(), head, newSize - tail);
        List<Run> runs = new ArrayList<>();
        int oldAt = 0;
        int newAt = 0;
        for (Change change : IdDiff.changes(oldKeys, newKeys)) {
            int oldStart = head + change.startOriginal;
            int newStart = head + change.startRevised;
            if (oldStart > oldAt) {
                runs.add(new Run(true, oldAt, oldStart, newAt, newStart));
            }
            oldAt = head + change.endOriginal;
            newAt = head + change.endRevised;
            runs.add(new Run(false, oldStart, oldAt, newStart, newAt));
        }
        if (oldAt < oldSize) {
            runs.add(new Run(true, oldAt, oldSize, newAt, newSize));
        }
        return runs;
    }

    private static List<Run> glue(List<Run> runs, Side old, Side neu) {
        List<Run> out = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Run run = runs.get(k);
            boolean shortGlue = run.same() && run.newTo() - run.newFrom() == 1
                    && neu.length(run.newFrom(), run.newTo()) <= GLUE_WORD_LENGTH
                    && k + 1 < runs.size() && !runs.get(k + 1).same() && !out.isEmpty() && !out.getLast().same();
            if (shortGlue) {
                Run before = out.removeLast();
                Run after = runs.get(++k);
                out.add(new Run(false, before.oldFrom(), after.oldTo(), before.newFrom(), after.newTo()));
            } else if (!run.same() && !out.isEmpty() && !out.getLast().same()) {
                Run before = out.removeLast();
                out.add(new Run(false, before.oldFrom(), run.oldTo(), before.newFrom(), run.newTo()));
            } else {
                out.add(run);
            }
        }
        return out;
    }

    private static List<WordOp> toOps(List<Run> runs, Side old, Side neu) {
        List<WordOp> ops = new ArrayList<>();
        for (Run run : runs) {
            if (run.same()) {
                ops.add(new WordOp(OpKind.SAME, neu.text(run.newFrom(), run.newTo()),
                        neu.spaceBefore(run.newFrom(), !ops.isEmpty())));
                continue;
            }
            if (run.oldTo() > run.oldFrom()) {
                ops.add(new WordOp(OpKind.DELETE, old.text(run.oldFrom(), run.oldTo()),
                        old.spaceBefore(run.oldFrom(), !ops.isEmpty())));
            }
            if (run.newTo() > run.newFrom()) {
                ops.add(new WordOp(OpKind.ADD, neu.text(run.newFrom(), run.newTo()),
                        neu.spaceBefore(run.newFrom(), !ops.isEmpty())));
            }
        }
        return ops;
    }
}
