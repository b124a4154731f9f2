package dev.redline.extract;

import java.util.List;

/**
 * A list of words looked for anywhere in a class/id hint (lower case), as Readability's hint
 * patterns do. Matched with {@link String#indexOf(String)} rather than one regex alternation: the
 * regex engine tries every alternative at every position, and on the thousands of class names of a
 * page that was a tenth of extraction's time. Immutable and thread-safe.
 */
record HintWords(List<String> words) {
    HintWords {
        words = List.copyOf(words);
    }

    static HintWords of(String... words) {
        return new HintWords(List.of(words));
    }

    /** Whether one of the words occurs in {@code hint}. */
    boolean in(String hint) {
        for (String w : words) {
            if (hint.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
