package dev.redline.learning;

import dev.redline.extract.LearnedLines;

/**
 * The learned lines an article is read with, and the source ordinal they were taken at (0:
 * nothing learned). Immutable.
 *
 * @param ordinal the source's count of taught articles the lens stands for
 * @param lines   what the extractor applies
 */
public record Lens(int ordinal, LearnedLines lines) {
    /** Nothing learned. */
    public static final Lens NONE = new Lens(0, LearnedLines.NONE);
}
