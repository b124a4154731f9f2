package dev.redline.diff;

import dev.redline.article.ArticleText;
import dev.redline.text.Gap;
import dev.redline.text.Normalize;
import dev.redline.text.Sentences;
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
 * byline are compared on their own; the body is split into sentences ({@link Sentences}) and
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
        Body a = Body.of(old);
        Body b = Body.of(neu);
        List<SentenceOp> ops = ops(a.sentences(), b.sentences());
        TitleChange title = headline(old.title(), neu.title());
        TitleChange byline = headline(old.byline(), neu.byline());
        String boringReason = boringReason(title, byline, ops);
        String gap = oldTime != null && newTime != null ? Gap.describe(Duration.between(oldTime, newTime)) : null;
        return new DiffResult(title, byline, ops, boringReason != null, boringReason, stats(ops), gap,
                a.paragraphStarts(), b.paragraphStarts());
    }

    /**
     * The sentence operations between two already split bodies (what {@link #compare} does after
     * splitting): every sentence of both lists exactly once, in reading order of the new one.
     */
    public static List<SentenceOp> ops(List<String> oldSentences, List<String> newSentences) {
        Sentence[] a = toSentences(oldSentences);
        Sentence[] b = toSentences(newSentences);
        return order(a, b, Aligner.align(a, b));
    }

    /** The sentences of a version's body in reading order: the indices {@link SentenceOp} refers to. */
    public static List<String> sentences(ArticleText text) {
        return Body.of(text).sentences();
    }

    /** A body split into sentences, remembering which sentence begins each paragraph. */
    private record Body(List<String> sentences, List<Integer> paragraphStarts) {
        static Body of(ArticleText text) {
            List<String> all = new ArrayList<>();
            List<Integer> starts = new ArrayList<>(text.paragraphs().size());
            for (String paragraph : text.paragraphs()) {
                List<String> split = Sentences.split(paragraph);
                if (!split.isEmpty()) {
                    starts.add(all.size());
                    all.addAll(split);
                }
            }
            return new Body(all, starts);
        }
    }

    private static Sentence[] toSentences(List<String> texts) {
        Sentence[] out = new Sentence[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Sentence(i, texts.get(i));
        }
        return out;
    }

    private static TitleChange headline(String old, String neu) {
        if (old == null && neu == null) {
            return new TitleChange(null, null, false, List.of());
        }
        boolean changed = !Normalize.key(Objects.requireNonNullElse(old, ""))
                .equals(Normalize.key(Objects.requireNonNullElse(neu, "")));
        List<WordOp> words = changed
                ? WordDiff.of(Objects.requireNonNullElse(old, ""), Objects.requireNonNullElse(neu, ""))
                : List.of();
        return new TitleChange(old, neu, changed, words);
    }

    /** Where an op goes in reading order: new-side ops at their new place, deletes after their anchor. */
    private record Placed(int major, int minor, int oldIndex, SentenceOp op) implements Comparable<Placed> {
        @Override
        public int compareTo(Placed other) {
            int order = Integer.compare(major, other.major);
            if (order == 0) {
                order = Integer.compare(minor, other.minor);
            }
            return order != 0 ? order : Integer.compare(oldIndex, other.oldIndex);
        }
    }

    private static List<SentenceOp> order(Sentence[] a, Sentence[] b, List<Match> matches) {
        Match[] byOld = new Match[a.length];
        List<Placed> placed = new ArrayList<>(a.length + b.length);
        for (Match m : matches) {
            for (int k = 0; k < m.oldCount(); k++) {
                byOld[m.oldStart() + k] = m;
            }
            placed.add(new Placed(m.newStart(), 0, m.oldStart(), toOp(m, a, b)));
        }
        boolean[] newPaired = new boolean[b.length];
        for (Match m : matches) {
            for (int k = 0; k < m.newCount(); k++) {
                newPaired[m.newStart() + k] = true;
            }
        }
        for (int j = 0; j < b.length; j++) {
            if (!newPaired[j]) {
                placed.add(new Placed(j, 0, -1, new SentenceOp(OpKind.ADD, null, b[j].text, null, j, List.of())));
            }
        }
        // a deleted sentence stays right after the last old sentence before it that kept its place
        int anchor = -1;
        for (int i = 0; i < a.length; i++) {
            Match m = byOld[i];
            if (m == null) {
                placed.add(new Placed(anchor, 1, i, new SentenceOp(OpKind.DELETE, a[i].text, null, i, null, List.of())));
            } else if (m.kind() != OpKind.MOVE) {
                anchor = m.newStart() + m.newCount() - 1;
            }
        }
        Collections.sort(placed);
        return placed.stream().map(Placed::op).toList();
    }

    private static SentenceOp toOp(Match m, Sentence[] a, Sentence[] b) {
        String old = join(a, m.oldStart(), m.oldCount());
        String neu = join(b, m.newStart(), m.newCount());
        boolean reworded = m.kind() == OpKind.EDIT
                || (m.kind() == OpKind.MOVE && a[m.oldStart()].keyId != b[m.newStart()].keyId);
        return new SentenceOp(m.kind(), old, neu, m.oldStart(), m.newStart(),
                reworded ? WordDiff.of(old, neu) : List.of(),
                m.oldCount() > 1 ? m.oldStart() + m.oldCount() - 1 : null,
                m.newCount() > 1 ? m.newStart() + m.newCount() - 1 : null);
    }

    private static String join(Sentence[] sentences, int start, int count) {
        if (count == 1) {
            return sentences[start].text;
        }
        StringBuilder text = new StringBuilder(sentences[start].text);
        for (int k = 1; k < count; k++) {
            text.append(' ').append(sentences[start + k].text);
        }
        return text.toString();
    }

    /** The boring rules that fired, when every change is boring; null when any change is news. */
    private static String boringReason(TitleChange title, TitleChange byline, List<SentenceOp> ops) {
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
            String reason = switch (op.op()) {
                case EDIT -> Boring.editReason(op.oldText(), op.newText());
                case ADD -> Boring.lineReason(op.newText());
                case DELETE -> Boring.lineReason(op.oldText());
                default -> null;
            };
            if (reason == null) {
                return null;
            }
            reasons.add(reason);
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
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
                    wordsAdded += Words.tokens(op.newText()).size();
                }
                case DELETE -> {
                    deleted++;
                    wordsDeleted += Words.tokens(op.oldText()).size();
                }
                case MOVE -> moved++;
            }
            for (WordOp w : op.words()) {
                if (w.op() == OpKind.ADD) {
                    wordsAdded += Words.tokens(w.text()).size();
                } else if (w.op() == OpKind.DELETE) {
                    wordsDeleted += Words.tokens(w.text()).size();
                }
            }
        }
        return new DiffStats(same, edited, added, deleted, moved, wordsAdded, wordsDeleted);
    }
}
