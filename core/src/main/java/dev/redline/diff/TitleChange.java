package dev.redline.diff;

import java.util.List;

/**
 * The headline of both versions, compared on its own.
 *
 * @param old     old headline
 * @param new_    new headline
 * @param changed whether the normalised headlines differ
 * @param words   word-level diff of the headline when changed; empty otherwise
 */
public record TitleChange(String old, String new_, boolean changed, List<WordOp> words) {
    public TitleChange {
        words = List.copyOf(words);
    }
}
