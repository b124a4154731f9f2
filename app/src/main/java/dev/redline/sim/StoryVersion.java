package dev.redline.sim;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One version of a simulated article, live from {@code at} (after the newsroom's epoch) until the next.
 *
 * @param at         offset from the newsroom's epoch at which this version goes live
 * @param title      headline
 * @param byline     author line, or null
 * @param paragraphs body paragraphs
 * @param headings   indexes of the paragraphs that are subheadings (served as {@code <h2>}, not {@code <p>})
 */
public record StoryVersion(Duration at, String title, String byline, List<String> paragraphs, Set<Integer> headings) {
    public StoryVersion {
        paragraphs = List.copyOf(paragraphs);
        headings = Set.copyOf(headings);
    }

    /** A version whose body is paragraphs only. */
    public StoryVersion(Duration at, String title, String byline, List<String> paragraphs) {
        this(at, title, byline, paragraphs, Set.of());
    }
}
