package dev.redline.sim;

import java.time.Duration;
import java.util.List;

/**
 * One version of a simulated article, live from {@code at} (after the newsroom's epoch) until the next.
 *
 * @param at         offset from the newsroom's epoch at which this version goes live
 * @param title      headline
 * @param byline     author line, or null
 * @param paragraphs body paragraphs
 */
public record StoryVersion(Duration at, String title, String byline, List<String> paragraphs) {
    public StoryVersion {
        paragraphs = List.copyOf(paragraphs);
    }
}
