package dev.redline.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.redline.text.Normalize;
import dev.redline.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * Word-level diff of two short texts (an edited sentence, a headline). The pieces compared are
 * words and single punctuation marks ({@link Words#pieces}), on their {@link Normalize#key}, so a
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
        Side a = new Side(old, Words.pieces(old));
        Side b = new Side(neu, Words.pieces(neu));
        // the canonical orientation (see Direction): any rule symmetric in the two texts will do
        boolean swap = a.pieces().size() != b.pieces().size() ? a.pieces().size() > b.pieces().size() : old.compareTo(neu) > 0;
        if (swap) {
            List<Run> reversed = glue(runs(b, a), b, a);
            return toOps(reversed.stream().map(Run::mirrored).toList(), a, b);
        }
        return toOps(glue(runs(a, b), a, b), a, b);
    }

    /** One text cut into pieces. */
    private record Side(String text, List<Words.Span> pieces) {
        /** The comparison key of a piece. */
        String key(int at) {
            Words.Span p = pieces.get(at);
            return Normalize.key(text.substring(p.start(), p.end()));
        }

        /** True when piece {@code at} is the same text as piece {@code otherAt} of {@code other}. */
        boolean sameText(int at, Side other, int otherAt) {
            Words.Span p = pieces.get(at);
            Words.Span q = other.pieces.get(otherAt);
            int length = p.end() - p.start();
            return length == q.end() - q.start() && text.regionMatches(p.start(), other.text, q.start(), length);
        }

        String text(int from, int to) {
            return text.substring(pieces.get(from).start(), pieces.get(to - 1).end());
        }

        int length(int from, int to) {
            return pieces.get(to - 1).end() - pieces.get(from).start();
        }

        /** Whether the piece at {@code at} follows a space; a run at the start follows one only after a run. */
        boolean spaceBefore(int at, boolean afterRun) {
            return at == 0 ? afterRun : Words.spaceBefore(text, pieces.get(at).start());
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
     * computing a key; only the middle, where the edit is, goes to Myers' diff on keys.
     */
    private static List<Run> runs(Side old, Side neu) {
        int oldSize = old.pieces().size();
        int newSize = neu.pieces().size();
        int head = 0;
        while (head < oldSize && head < newSize && old.sameText(head, neu, head)) {
            head++;
        }
        int tail = 0;
        while (tail < oldSize - head && tail < newSize - head && old.sameText(oldSize - 1 - tail, neu, newSize - 1 - tail)) {
            tail++;
        }
        List<String> oldKeys = new ArrayList<>(oldSize - head - tail);
        for (int k = head; k < oldSize - tail; k++) {
            oldKeys.add(old.key(k));
        }
        List<String> newKeys = new ArrayList<>(newSize - head - tail);
        for (int k = head; k < newSize - tail; k++) {
            newKeys.add(neu.key(k));
        }
        List<Run> runs = new ArrayList<>();
        int oldAt = 0;
        int newAt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldKeys, newKeys).getDeltas()) {
            int oldStart = head + delta.getSource().getPosition();
            int newStart = head + delta.getTarget().getPosition();
            if (oldStart > oldAt) {
                runs.add(new Run(true, oldAt, oldStart, newAt, newStart));
            }
            oldAt = oldStart + delta.getSource().size();
            newAt = newStart + delta.getTarget().size();
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
