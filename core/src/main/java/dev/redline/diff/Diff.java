package dev.redline.diff;

import dev.redline.article.ArticleText;
import dev.redline.text.Gap;
import dev.redline.text.Normalize;
import dev.redline.text.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two versions of an article: what a careful editor would say changed. The headline and
 * byline are compared on their own; the body is split into sentences ({@link SplitText}) and
 * aligned ({@link Aligner}) into same / edit / add / delete / move operations listed in reading
 * order of the new version, each edit with a word-level diff ({@link WordDiff}). Comparison uses
 * {@link Normalize#key}; the operations always carry the original text. Bounded on big inputs:
 * no step compares every sentence with every other. Stateless and thread-safe.
 */
public final class Diff {

    private Diff() {
    }

    /** Compares two versions whose times are unknown ({@link DiffResult#gap()} is null). */
    public static DiffResult compare(ArticleText old, ArticleText neu) {
        return compare(old, neu, null, null);
    }

    /**
     * Compares two versions; when both times are given the result says how far apart they are
     * ("about 6 hours later").
     */
    public static DiffResult compare(ArticleText old, ArticleText neu, Instant oldTime, Instant newTime) {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(neu, "neu");
        return compare(SplitText.of(old), SplitText.of(neu), oldTime, newTime);
    }

    /**
     * Compares two versions already split into sentences (as stored), with the same result as
     * comparing the texts they were split from; times as in {@link #compare(ArticleText, ArticleText, Instant, Instant)}.
     */
    public static DiffResult compare(SplitText old, SplitText neu, Instant oldTime, Instant newTime) {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(neu, "neu");
        List<SentenceOp> ops = ops(old.sentences(), neu.sentences());
        TitleChange title = headline(old.title(), neu.title());
        TitleChange byline = headline(old.byline(), neu.byline());
        String boringReason = boringReason(title, byline, ops);
        String gap = oldTime != null && newTime != null ? Gap.describe(Duration.between(oldTime, newTime)) : null;
        return new DiffResult(title, byline, ops, boringReason != null, boringReason, stats(ops), gap,
                old.paragraphStarts(), neu.paragraphStarts());
    }

    /**
     * The sentence operations between two already split bodies (what {@link #compare} does after
     * splitting): every sentence of both lists exactly once, in reading order of the new one.
     */
    public static List<SentenceOp> ops(List<String> oldSentences, List<String> newSentences) {
        return order(oldSentences, newSentences, Aligner.align(oldSentences, newSentences));
    }

    /** The sentences of a version's body in reading order: the indices {@link SentenceOp} refers to. */
    public static List<String> sentences(ArticleText text) {
        return SplitText.of(text).sentences();
    }

    private static TitleChange headline(String old, String neu) {
        if (old == null && neu == null) {
            return new TitleChange(null, null, false, List.of());
        }
        boolean changed = !Objects.equals(old, neu) && !Normalize.key(Objects.requireNonNullElse(old, ""))
                .equals(Normalize.key(Objects.requireNonNullElse(neu, "")));
        List<WordOp> words = changed
                ? WordDiff.of(Objects.requireNonNullElse(old, ""), Objects.requireNonNullElse(neu, ""))
                : List.of();
        return new TitleChange(old, neu, changed, words);
    }

    /**
     * The ops in reading order of the new version, each deleted sentence right after the last old
     * sentence before it that kept its place (moves do not anchor), in one linear pass.
     */
    private static List<SentenceOp> order(List<String> a, List<String> b, List<Match> matches) {
        Match[] byOld = new Match[a.size()];
        Match[] byNew = new Match[b.size()];
        for (Match m : matches) {
            for (int k = 0; k < m.oldCount(); k++) {
                byOld[m.oldStart() + k] = m;
            }
            byNew[m.newStart()] = m;
            for (int k = 1; k < m.newCount(); k++) {
                byNew[m.newStart() + k] = m;
            }
        }
        // deletes anchored after new position j go in deletesAfter[j + 1]; those before any anchor in [0]
        int[] deletesAfter = new int[b.size() + 1];
        int anchor = -1;
        int deleted = 0;
        int[] anchorOf = new int[a.size()];
        for (int i = 0; i < a.size(); i++) {
            Match m = byOld[i];
            if (m == null) {
                anchorOf[i] = anchor;
                deletesAfter[anchor + 1]++;
                deleted++;
            } else if (m.kind() != OpKind.MOVE) {
                anchor = m.newStart() + m.newCount() - 1;
            }
        }
        SentenceOp[][] deletes = new SentenceOp[b.size() + 1][];
        for (int i = 0; i < a.size(); i++) {
            if (byOld[i] == null) {
                int slot = anchorOf[i] + 1;
                if (deletes[slot] == null) {
                    deletes[slot] = new SentenceOp[deletesAfter[slot]];
                    deletesAfter[slot] = 0;
                }
                deletes[slot][deletesAfter[slot]++] = new SentenceOp(OpKind.DELETE, a.get(i), null, i, null, List.of());
            }
        }
        List<SentenceOp> ops = new ArrayList<>(b.size() + deleted);
        addAll(ops, deletes[0]);
        for (int j = 0; j < b.size(); j++) {
            Match m = byNew[j];
            if (m == null) {
                ops.add(new SentenceOp(OpKind.ADD, null, b.get(j), null, j, List.of()));
            } else if (m.newStart() == j) {
                ops.add(toOp(m, a, b));
            }
            addAll(ops, deletes[j + 1]);
        }
        return ops;
    }

    private static void addAll(List<SentenceOp> ops, SentenceOp[] more) {
        if (more != null) {
            Collections.addAll(ops, more);
        }
    }

    private static SentenceOp toOp(Match m, List<String> a, List<String> b) {
        String old = join(a, m.oldStart(), m.oldCount());
        String neu = join(b, m.newStart(), m.newCount());
        // a moved sentence may also have been edited: then it carries its word diff too
        boolean reworded = m.kind() == OpKind.EDIT
                || (m.kind() == OpKind.MOVE && !old.equals(neu) && !Normalize.key(old).equals(Normalize.key(neu)));
        return new SentenceOp(m.kind(), old, neu, m.oldStart(), m.newStart(),
                reworded ? WordDiff.of(old, neu) : List.of(),
                m.oldCount() > 1 ? m.oldStart() + m.oldCount() - 1 : null,
                m.newCount() > 1 ? m.newStart() + m.newCount() - 1 : null);
    }

    private static String join(List<String> sentences, int start, int count) {
        if (count == 1) {
            return sentences.get(start);
        }
        StringBuilder text = new StringBuilder(sentences.get(start));
        for (int k = 1; k < count; k++) {
            text.append(' ').append(sentences.get(start + k));
        }
        return text.toString();
    }

    /** The boring rules that fired, when every change is boring; null when any change is news. */
    private static String boringReason(TitleChange title, TitleChange byline, List<SentenceOp> ops) {
        // news is nearly always an added, cut or moved sentence: found first, without the edits' costlier rules
        for (SentenceOp op : ops) {
            if (op.op() == OpKind.MOVE || ((op.op() == OpKind.ADD || op.op() == OpKind.DELETE) && cosmeticReason(op) == null)) {
                return null;
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (TitleChange line : List.of(title, byline)) {
            if (line.changed()) {
                String reason = line.oldText() == null || line.newText() == null ? null : Boring.editReason(line.oldText(), line.newText());
                if (reason == null) {
                    return null;
                }
                reasons.add(reason);
            } else if (!Objects.equals(line.oldText(), line.newText())) {
                reasons.add(Boring.PUNCTUATION);
            }
        }
        for (SentenceOp op : ops) {
            if (op.op() == OpKind.SAME) {
                if (!op.oldText().equals(op.newText())) {
                    reasons.add(Boring.PUNCTUATION);
                }
                continue;
            }
            String reason = cosmeticReason(op);
            if (reason == null) {
                return null;
            }
            reasons.add(reason);
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /**
     * Which boring rule makes this one op cosmetic, or null when it is news (a move, or an edit,
     * addition or deletion no rule excuses). A {@link OpKind#SAME} op is never news: it returns
     * {@code "whitespace or punctuation only"}. The per-op form of {@link DiffResult#boring()}, for
     * detectors that judge ops one by one.
     */
    public static String cosmeticReason(SentenceOp op) {
        return switch (op.op()) {
            case SAME -> Boring.PUNCTUATION;
            case EDIT -> Boring.editReason(op.oldText(), op.newText());
            case ADD -> Boring.lineReason(op.newText());
            case DELETE -> Boring.lineReason(op.oldText());
            case MOVE -> null;
        };
    }

    private static DiffStats stats(List<SentenceOp> ops) {
        int same = 0;
        int edited = 0;
        int added = 0;
        int deleted = 0;
        int moved = 0;
        int wordsAdded = 0;
        int wordsDeleted = 0;
        for (SentenceOp op : ops) {
            switch (op.op()) {
                case SAME -> same++;
                case EDIT -> edited++;
                case ADD -> {
                    added++;
                    wordsAdded += Words.count(op.newText());
                }
                case DELETE -> {
                    deleted++;
                    wordsDeleted += Words.count(op.oldText());
                }
                case MOVE -> moved++;
            }
            for (WordOp w : op.words()) {
                if (w.op() == OpKind.ADD) {
                    wordsAdded += Words.count(w.text());
                } else if (w.op() == OpKind.DELETE) {
                    wordsDeleted += Words.count(w.text());
                }
            }
        }
        return new DiffStats(same, edited, added, deleted, moved, wordsAdded, wordsDeleted);
    }
}
