package dev.redline.diff;

import java.util.List;

/**
 * One sentence operation of a diff. Every sentence of both versions appears in exactly one op.
 *
 * @param op       what happened
 * @param old      the sentence in the old version (original text), null for {@link OpKind#ADD}
 * @param new_     the sentence in the new version (original text), null for {@link OpKind#DELETE}
 * @param oldIndex index of the sentence among the old version's sentences, or null
 * @param newIndex index of the sentence among the new version's sentences, or null
 * @param words    word-level diff for edits (and edited moves); empty otherwise
 */
public record SentenceOp(OpKind op, String old, String new_, Integer oldIndex, Integer newIndex, List<WordOp> words) {
    public SentenceOp {
        words = List.copyOf(words);
    }
}
