package dev.redline.store;

import java.util.List;
import java.util.Objects;

/**
 * One article's part of a slice of checks, as {@link WorkQueue#finishChecks} commits it: what the
 * check noted, the version it found (if any) and how it ended. Immutable.
 *
 * @param articleId the article checked
 * @param sourceId  its source (for the source's health), or null
 * @param events    events the check noted, in order (may be empty)
 * @param version   the new version to append, or null
 * @param outcome   how the check ended (check-log row, schedule, fetch state; releases the lease),
 *                  or null when the slice only records (a version or events without a check)
 * @param lens      the lens ordinal to pin for the article unless it has one ({@link LearnedLineStore#pinLens}),
 *                  or null
 * @param lesson    the article's first page to count towards its source ({@link LearnedLineStore#count}), or
 *                  null; counted after the lens is pinned
 */
public record FinishedCheck(long articleId, Long sourceId, List<ArticleEvent> events, NewVersion version,
                            CheckOutcome outcome, Integer lens, Lesson lesson) {
    /** A check that teaches nothing and pins no lens. */
    public FinishedCheck(long articleId, Long sourceId, List<ArticleEvent> events, NewVersion version,
                         CheckOutcome outcome) {
        this(articleId, sourceId, events, version, outcome, null, null);
    }

    public FinishedCheck {
        if (lesson != null && lesson.articleId() != articleId) {
            throw new IllegalArgumentException("a lesson of another article in the check of article " + articleId);
        }
        events = List.copyOf(events);
        if (events.stream().anyMatch(e -> e.articleId() != articleId)) {
            throw new IllegalArgumentException("an event of another article in the check of article " + articleId);
        }
        Objects.requireNonNull(events);
    }
}
