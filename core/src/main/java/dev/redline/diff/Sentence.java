package dev.redline.diff;

import dev.redline.text.Normalize;
import java.util.Arrays;

/**
 * One sentence of a version as the aligner sees it: the original text and, computed on first use,
 * its comparison key and its words as sorted token ids (a multiset) for similarity. Most
 * sentences of a page appear verbatim in the other version and need neither. Not thread-safe:
 * one instance belongs to one {@link Diff#compare} call.
 */
final class Sentence {
    final int index;
    final String text;
    /** Equal ids, equal comparison keys; set by the aligner. */
    int keyId = -1;
    private String key;
    private int[] tokens;

    Sentence(int index, String text) {
        this.index = index;
        this.text = text;
    }

    /** The comparison key ({@link Normalize#key}). */
    String key() {
        if (key == null) {
            key = Normalize.key(text);
        }
        return key;
    }

    /** Lower-cased words (letters and digits only) as ids from the shared vocabulary, sorted. */
    int[] tokens(Vocabulary vocabulary) {
        if (tokens == null) {
            String loose = Normalize.looseKey(text);
            String[] words = loose.isEmpty() ? new String[0] : loose.split(" ");
            int[] ids = new int[words.length];
            for (int w = 0; w < words.length; w++) {
                ids[w] = vocabulary.id(words[w]);
            }
            Arrays.sort(ids);
            tokens = ids;
        }
        return tokens;
    }
}
