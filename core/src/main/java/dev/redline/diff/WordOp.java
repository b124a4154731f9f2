package dev.redline.diff;

/**
 * One run of words inside an edited sentence.
 *
 * @param op          {@link OpKind#SAME}, {@link OpKind#ADD} or {@link OpKind#DELETE}
 * @param text        the words of the run as they appear in the original text
 * @param spaceBefore whether a space separates this run from the run before it; false for
 *                    punctuation that clings to the word before ("strike" → "strike:" adds a
 *                    {@code ":"} without one) and for the first run
 */
public record WordOp(OpKind op, String text, boolean spaceBefore) {

    /** A run separated from the one before it by a space, as most runs are. */
    public WordOp(OpKind op, String text) {
        this(op, text, true);
    }
}
