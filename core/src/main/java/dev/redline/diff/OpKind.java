package dev.redline.diff;

import java.util.Locale;

/** What happened to one sentence between two versions. {@link #toString()} is the JSON name. */
public enum OpKind {
    /** Present in both versions with the same normalised text, in the same relative place. */
    SAME,
    /** The same sentence reworded; {@link SentenceOp#words()} holds the word-level diff. */
    EDIT,
    /** Only in the new version. */
    ADD,
    /** Only in the old version. */
    DELETE,
    /** Present in both (possibly edited) but in a different place. */
    MOVE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
