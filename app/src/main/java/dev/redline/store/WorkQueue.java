package dev.redline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tracker's work: articles due for a check and feeds due for a poll, handed out under leases
 * so that workers sharing a database never take the same item at once; a dead worker's leases
 * simply expire. One of the {@link Store}'s jobs. Implementations are thread-safe.
 */
public interface WorkQueue {

    /**
     * Claims up to {@code limit} articles that are due ({@code next_check <= now}, status active or
     * failing; with {@code ignoreSchedule} every active or failing article) and not held by another
     * worker's unexpired lease, leasing them to {@code workerId} until {@code now + lease}. Atomic
     * across processes sharing the database (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}), so no
     * article is claimed by two workers at once.
     * With {@code ignoreSchedule}, articles already checked at or after {@code now} are skipped, so a
     * run that passes its start time as {@code now} claims each article once.
     */
    List<Article> claimDueArticles(Instant now, int limit, String workerId, Duration lease, boolean ignoreSchedule);

    /**
     * The article's fetch state; for a never-checked article no validators, no streaks and
     * {@link FetchState#INITIAL_INTERVAL}.
     */
    FetchState fetchState(long articleId);

    /**
     * Records a finished check: check-log row, schedule, status and fetch state; releases the lease.
     * The check is always logged; the schedule is only updated while this worker still holds the
     * article (or nobody does), so a worker whose lease expired and was taken over cannot overwrite
     * the newer owner's schedule.
     */
    void finishCheck(long articleId, String workerId, CheckOutcome outcome);

    /**
     * Commits a slice of checks in one transaction: for each, in order, its events, its new version
     * (numbered as {@link ArticleStore#appendVersion} does), its lens pin and lesson (as
     * {@link LearnedLineStore#pinLens} and {@link LearnedLineStore#count}) and its outcome (as
     * {@link #finishCheck}). All or nothing: when any write fails nothing of the slice is stored, and the leases stay until
     * they expire (the work is done again then).
     *
     * @return the versions appended, in slice order
     */
    List<Version> finishChecks(String workerId, List<FinishedCheck> checks);

    /** Claims due feeds and sitemaps of all sources, with the same lease semantics as articles. */
    List<FeedTask> claimDueFeeds(Instant now, int limit, String workerId, Duration lease);

    /**
     * Records a finished feed poll and when to poll it next; releases the lease. A null {@code etag}
     * or {@code lastModified} keeps the stored one (a 304 or a failed poll carries no new
     * validators). A poll of a source removed meanwhile is ignored.
     */
    void finishFeedPoll(FeedTask feed, String workerId, Instant at, Integer httpStatus, String error, String etag,
                        String lastModified, int newArticles, Instant nextPoll);
}
