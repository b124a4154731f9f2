package dev.redline.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The headline of both versions, compared on its own.
 *
 * @param oldText old headline (JSON {@code old})
 * @param newText new headline (JSON {@code new})
 * @param changed whether the normalised headlines differ
 * @param words   word-level diff of the headline when changed; empty otherwise
 */
public record TitleChange(@JsonProperty("old") String oldText, @JsonProperty("new") String newText, boolean changed, List<WordOp> words) {
    public TitleChange {
        words = List.copyOf(words);
    }
}
