package dev.redline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Word tokens for word-level diffs. Splitting on whitespace keeps punctuation attached to its
 * word ("7-2." stays one token), which is what a reader expects to see marked as changed;
 * java-diff-utils' own word splitting cuts punctuation into separate tokens. Thread-safe.
 */
public final class Words {

    private Words() {
    }

    /** The whitespace-separated tokens of a text, in order, with their punctuation. */
    public static List<String> tokens(String text) {
        // a plain scan rather than a regex split: it runs on every word of every edited sentence
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int k = 0; k < text.length(); k++) {
            if (Normalize.isSpace(text.charAt(k))) {
                if (start >= 0) {
                    tokens.add(text.substring(start, k));
                    start = -1;
                }
            } else if (start < 0) {
                start = k;
            }
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }
}
