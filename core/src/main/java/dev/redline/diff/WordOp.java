package dev.redline.diff;

/**
 * One run of words inside an edited sentence.
 *
 * @param op   {@link OpKind#SAME}, {@link OpKind#ADD} or {@link OpKind#DELETE}
 * @param text the words of the run as they appear in the original text
 */
public record WordOp(OpKind op, String text) {
}
