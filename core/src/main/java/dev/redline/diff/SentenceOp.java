package dev.redline.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One sentence operation of a diff. Every sentence of both versions appears in exactly one op.
 * A sentence split in two or more ({@code oldText} one sentence, {@code newText} several) or several
 * merged into one is a single {@link OpKind#EDIT} (or {@link OpKind#MOVE}, when it also moved) whose
 * side covering several sentences holds them joined by a space, with the index of the last in
 * {@code oldIndexEnd} / {@code newIndexEnd}.
 *
 * @param op          what happened
 * @param oldText     the sentence in the old version (original text), null for {@link OpKind#ADD}; JSON {@code old}
 * @param newText     the sentence in the new version (original text), null for {@link OpKind#DELETE}; JSON {@code new}
 * @param oldIndex    index of the (first) sentence among the old version's sentences, or null
 * @param newIndex    index of the (first) sentence among the new version's sentences, or null
 * @param words       word-level diff for edits (and edited moves); empty otherwise
 * @param oldIndexEnd index of the last old sentence when the op covers several (a merge), else null
 * @param newIndexEnd index of the last new sentence when the op covers several (a split), else null
 */
public record SentenceOp(OpKind op, @JsonProperty("old") String oldText, @JsonProperty("new") String newText, Integer oldIndex, Integer newIndex, List<WordOp> words,
                         Integer oldIndexEnd, Integer newIndexEnd) {
    public SentenceOp {
        words = List.copyOf(words);
    }

    /** An op covering at most one sentence on each side. */
    public SentenceOp(OpKind op, String oldText, String newText, Integer oldIndex, Integer newIndex, List<WordOp> words) {
        this(op, oldText, newText, oldIndex, newIndex, words, null, null);
    }

    /** Number of old sentences this op covers (0, 1, or more for a merge). */
    public int oldCount() {
        return oldIndex == null ? 0 : oldIndexEnd == null ? 1 : oldIndexEnd - oldIndex + 1;
    }

    /** Number of new sentences this op covers (0, 1, or more for a split). */
    public int newCount() {
        return newIndex == null ? 0 : newIndexEnd == null ? 1 : newIndexEnd - newIndex + 1;
    }
}
