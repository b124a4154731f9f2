package dev.redline.store;

import java.util.List;

/**
 * What a source has learned, as its page and its JSON show it. Immutable.
 *
 * @param articles    articles counted (the latest ordinal)
 * @param copies      articles not counted because they copied one counted before
 * @param boilerplate the lines that are boilerplate now, most frequent first
 * @param lines       learnable lines held for the source in all (bounded by {@link LearningRules#maxLines()})
 */
public record LearnedSummary(int articles, int copies, List<LearnedLine> boilerplate, int lines) {
    public static final LearnedSummary NONE = new LearnedSummary(0, 0, List.of(), 0);

    public LearnedSummary {
        boilerplate = List.copyOf(boilerplate);
    }
}
