package dev.redline.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Word tokens for word-level diffs. Splitting on whitespace keeps punctuation attached to its
 * word ("7-2." stays one token), which is what a reader expects to see marked as changed;
 * java-diff-utils' own word splitting cuts punctuation into separate tokens. Thread-safe.
 */
public final class Words {
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private Words() {
    }

    /** The whitespace-separated tokens of a text, in order, with their punctuation. */
    public static List<String> tokens(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return List.of();
        }
        return List.of(WHITESPACE.split(s));
    }
}
