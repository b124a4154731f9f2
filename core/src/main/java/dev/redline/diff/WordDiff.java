package dev.redline.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.redline.text.Normalize;
import dev.redline.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * Word-level diff of two short texts (an edited sentence, a headline). Words are whitespace
 * tokens with their punctuation ({@link Words}), compared on their {@link Normalize#key}; runs are
 * merged so a reader sees phrases, not confetti: one short unchanged word between two changes is
 * folded into the change. Each change is a delete run followed by an add run. Direction-independent
 * (see {@link Direction}): the diff of B with A mirrors that of A with B. Thread-safe.
 */
public final class WordDiff {
    /** An unchanged word this short between two changes is folded into them. */
    private static final int GLUE_WORD_LENGTH = 3;

    private WordDiff() {
    }

    /** The word runs turning {@code old} into {@code newer}. */
    public static List<WordOp> of(String old, String newer) {
        List<String> oldWords = Words.tokens(old);
        List<String> newWords = Words.tokens(newer);
        List<String> oldKeys = oldWords.stream().map(Normalize::key).toList();
        List<String> newKeys = newWords.stream().map(Normalize::key).toList();
        if (Direction.swap(oldKeys, newKeys)) {
            List<Run> reversed = glue(runs(newWords, newKeys, oldWords, oldKeys));
            return toOps(reversed.stream().map(r -> new Run(r.same(), r.newWords(), r.oldWords())).toList());
        }
        return toOps(glue(runs(oldWords, oldKeys, newWords, newKeys)));
    }

    /** A stretch of the texts: unchanged (old and new hold the same words) or changed. */
    private record Run(boolean same, List<String> oldWords, List<String> newWords) {
    }

    private static List<Run> runs(List<String> oldWords, List<String> oldKeys, List<String> newWords, List<String> newKeys) {
        List<Run> runs = new ArrayList<>();
        int oldAt = 0;
        int newAt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldKeys, newKeys).getDeltas()) {
            int oldStart = delta.getSource().getPosition();
            int newStart = delta.getTarget().getPosition();
            if (oldStart > oldAt) {
                runs.add(new Run(true, oldWords.subList(oldAt, oldStart), newWords.subList(newAt, newStart)));
            }
            oldAt = oldStart + delta.getSource().size();
            newAt = newStart + delta.getTarget().size();
            runs.add(new Run(false, oldWords.subList(oldStart, oldAt), newWords.subList(newStart, newAt)));
        }
        if (oldAt < oldWords.size()) {
            runs.add(new Run(true, oldWords.subList(oldAt, oldWords.size()), newWords.subList(newAt, newWords.size())));
        }
        return runs;
    }

    private static List<Run> glue(List<Run> runs) {
        List<Run> out = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Run run = runs.get(k);
            boolean shortGlue = run.same() && run.newWords().size() == 1 && run.newWords().get(0).length() <= GLUE_WORD_LENGTH
                    && k + 1 < runs.size() && !runs.get(k + 1).same() && !out.isEmpty() && !out.getLast().same();
            if (shortGlue) {
                Run before = out.removeLast();
                Run after = runs.get(++k);
                out.add(new Run(false, concat(before.oldWords(), run.oldWords(), after.oldWords()), concat(before.newWords(), run.newWords(), after.newWords())));
            } else if (!run.same() && !out.isEmpty() && !out.getLast().same()) {
                Run before = out.removeLast();
                out.add(new Run(false, concat(before.oldWords(), run.oldWords()), concat(before.newWords(), run.newWords())));
            } else {
                out.add(run);
            }
        }
        return out;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static List<WordOp> toOps(List<Run> runs) {
        List<WordOp> ops = new ArrayList<>();
        for (Run run : runs) {
            if (run.same()) {
                ops.add(new WordOp(OpKind.SAME, String.join(" ", run.newWords())));
                continue;
            }
            if (!run.oldWords().isEmpty()) {
                ops.add(new WordOp(OpKind.DELETE, String.join(" ", run.oldWords())));
            }
            if (!run.newWords().isEmpty()) {
                ops.add(new WordOp(OpKind.ADD, String.join(" ", run.newWords())));
            }
        }
        return ops;
    }
}
