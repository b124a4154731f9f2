package dev.redline.diff;

import java.util.Objects;

/**
 * The compact form a store keeps of a {@link SplitText} beside the version's text
 * ({@link SplitText#kept()}, read back with {@link SplitText#ofKept}). Immutable.
 *
 * @param offsets   where the sentences lie in the paragraphs ({@link SplitText#offsets}), never null
 * @param keyHashes the hash of each sentence's comparison key in a short text form, or null when
 *                  not kept (a split kept before them); only a shortcut for comparisons
 */
public record KeptSplit(String offsets, String keyHashes) {
    public KeptSplit {
        Objects.requireNonNull(offsets, "offsets");
    }
}
