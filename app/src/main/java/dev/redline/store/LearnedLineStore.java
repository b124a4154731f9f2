package dev.redline.store;

import dev.redline.extract.PageLine;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Per-source learned boilerplate: the counts of lines over a source's distinct articles, the
 * ordinal lens each article is read with, and what the source page shows. Counting is once per
 * article (its first stored version), so an article's later versions never teach anything.
 * Implementations are thread-safe; concurrent counts for one source are serialised by the database.
 */
public interface LearnedLineStore {

    /** What {@link #count} did with an article's lines. */
    enum Counted {
        /** The lines were counted as the source's next article. */
        COUNTED,
        /** Most of the article's paragraphs were seen before: a copy, not counted. */
        COPY,
        /** The article had taught its source before (a later version, or another worker). */
        ALREADY
    }

    /**
     * Counts one article's distinct lines towards its source under {@code rules}, then updates
     * which lines are boilerplate and trims the source to {@code rules.maxLines()}; one transaction.
     */
    Counted count(long sourceId, long articleId, List<PageLine> lines, LearningRules rules, Instant at);

    /** The source's latest ordinal (articles counted so far; 0 when none). */
    int ordinal(long sourceId);

    /**
     * Pins the lens an article is read with to {@code ordinal}, unless it has one; returns the
     * article's lens (the one pinned before, if any).
     */
    int pinLens(long articleId, int ordinal);

    /** The lens pinned for an article, or empty (an article read before learning was pinned). */
    OptionalInt lens(long articleId);

    /** The learnable lines of a source seen on more than one article, with their ordinals: lenses are built from these. */
    List<LearnedLine> knownLines(long sourceId);

    /** What the source page shows: the counts and the lines that are boilerplate now, most frequent first. */
    LearnedSummary summary(long sourceId, int limit);
}
