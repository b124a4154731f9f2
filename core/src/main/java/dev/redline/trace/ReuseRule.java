package dev.redline.trace;

import java.time.Instant;
import java.util.List;

/**
 * When a verified match is <em>reuse</em> of another article's earlier version: the one rule the
 * tracker's append hook ({@code Tracer}) and the Spark {@code reuse} job both apply. Pure and
 * thread-safe.
 */
public final class ReuseRule {
    /** Share of a new version that must come from another source's earlier version to record reuse. */
    public static final double MIN_COVERAGE = 0.5;

    private ReuseRule() {
    }

    /**
     * True when the copy version takes at least {@link #MIN_COVERAGE} of its text from the matched
     * version and that version was seen strictly before it.
     */
    public static boolean reuses(Verdict match, Instant sourceSeenAt, Instant copySeenAt) {
        return match.coverage() >= MIN_COVERAGE && sourceSeenAt.isBefore(copySeenAt);
    }

    /**
     * True when the copy's own article already carried the text, as well, in a version older than
     * the matched one: then the other article is the copier, not the source (the original's later
     * versions still contain what was copied from its first one).
     *
     * @param copy            the copy version's distinct shingles, sorted
     * @param ownEarlier      shingles of the copy article's versions seen before the matched version
     * @param sharedWithOther shingles the copy shares with the matched version
     */
    public static boolean hadItFirst(long[] copy, List<long[]> ownEarlier, int sharedWithOther) {
        Verdict own = Verdict.of(copy, ownEarlier);
        return own != null && own.shared() >= sharedWithOther;
    }
}
