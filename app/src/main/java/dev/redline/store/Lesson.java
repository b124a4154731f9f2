package dev.redline.store;

import dev.redline.extract.PageLine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article's first stored page, to be counted towards its source's learned lines under
 * {@code rules} ({@link LearnedLineStore#count}); the tracker hands it over with the check that
 * stored the version ({@link FinishedCheck#lesson}), so it is counted in the slice's transaction.
 * Immutable.
 *
 * @param lines the page's distinct lines, in page order
 * @param at    when the page was read
 */
public record Lesson(long sourceId, long articleId, List<PageLine> lines, LearningRules rules, Instant at) {
    public Lesson {
        lines = List.copyOf(lines);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(at, "at");
    }
}
