package dev.redline.store;

import dev.redline.extract.ExtractRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Redline's record: sources, articles, every version, checks. One implementation over JDBC serves
 * SQLite (the embedded default) and PostgreSQL (many workers). Implementations are thread-safe.
 * A version, once {@link #appendVersion appended}, is never changed or lost.
 */
public interface Store extends AutoCloseable {

    // --- sources -------------------------------------------------------------------------------

    /** Adds a source; throws {@link IllegalArgumentException} if the name is taken. */
    Source addSource(String name, List<String> feeds, List<String> sitemaps, ExtractRules rules);

    Optional<Source> source(String name);

    Optional<Source> source(long id);

    List<Source> sources();

    /** Removes a source; its articles and versions stay (detached from it). False if unknown. */
    boolean removeSource(String name);

    List<SourceHealth> sourceHealth(Instant now);

    // --- articles ------------------------------------------------------------------------------

    /**
     * Returns the article with this canonical URL, creating it (active, due at {@code seenAt}) when new.
     * When it exists with no source and {@code sourceId} is given, it is attached to that source.
     */
    Article upsertArticle(String canonicalUrl, Long sourceId, Instant seenAt);

    Optional<Article> article(long id);

    Optional<Article> articleByUrl(String canonicalUrl);

    /** Articles, most recently changed first; {@code sourceId} null for all. */
    List<Article> articles(Long sourceId, int offset, int limit);

    long articleCount();

    long versionCount();

    // --- versions ------------------------------------------------------------------------------

    /** All versions of an article, by number. */
    List<Version> versions(long articleId);

    Optional<Version> version(long articleId, int number);

    /** Appends the next version (number = count so far) atomically and returns it. */
    Version appendVersion(long articleId, NewVersion version);

    /**
     * Latest versions across the store, newest first, with the version each replaced.
     *
     * @param sourceId      only this source, or null
     * @param articleId     only this article, or null
     * @param includeFirst  include version 0 of new articles
     * @param includeBoring include cosmetic-only changes
     */
    List<Change> recentChanges(Long sourceId, Long articleId, boolean includeFirst, boolean includeBoring,
                               int offset, int limit);

    // --- search --------------------------------------------------------------------------------

    /** Full-text search over every version, collapsed per article, best first. */
    List<SearchHit> search(String query, Long sourceId, Instant from, Instant to, int limit);

    // --- tracking (dev.redline.track) ---------------------------------------------------------

    /**
     * Claims up to {@code limit} articles that are due ({@code next_check <= now}, status active or
     * failing; with {@code ignoreSchedule} every active or failing article) and not held by another
     * worker's unexpired lease, leasing them to {@code workerId} until {@code now + lease}. Atomic
     * across processes sharing the database (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}), so no
     * article is claimed by two workers at once; a dead worker's leases simply expire.
     * With {@code ignoreSchedule}, articles already checked at or after {@code now} are skipped, so a
     * run that passes its start time as {@code now} claims each article once.
     */
    List<Article> claimDueArticles(Instant now, int limit, String workerId, Duration lease, boolean ignoreSchedule);

    /**
     * The article's fetch state; for a never-checked article no validators, no streaks and
     * {@link JdbcStore#INITIAL_INTERVAL}.
     */
    FetchState fetchState(long articleId);

    /** Records a finished check: check-log row, schedule, status and fetch state; releases the lease. */
    void finishCheck(long articleId, String workerId, CheckOutcome outcome);

    /** Claims due feeds and sitemaps of all sources, with the same lease semantics as articles. */
    List<FeedTask> claimDueFeeds(Instant now, int limit, String workerId, Duration lease);

    /** Records a finished feed poll and when to poll it next; releases the lease. */
    void finishFeedPoll(FeedTask feed, String workerId, Instant at, Integer httpStatus, String error, String etag,
                        String lastModified, int newArticles, Instant nextPoll);

    /**
     * Reserves the next request slot for a host, shared by every worker on this database: returns
     * the instant (never before {@code now}) at which the caller may send its request, and moves the
     * host's next free slot to that instant plus {@code minDelay}.
     */
    Instant reserveHostSlot(String host, Instant now, Duration minDelay);

    void recordEvent(ArticleEvent event);

    /** Events of an article, oldest first. */
    List<ArticleEvent> events(long articleId);

    /**
     * The newest events of the given kinds across articles (of one source, or all when
     * {@code sourceId} is null), newest first: taken-down articles for the change list and feeds.
     */
    List<ArticleEvent> recentEvents(Set<String> kinds, Long sourceId, int limit);

    /** The newest checks of an article, newest first. */
    List<CheckLog> checks(long articleId, int limit);

    // --- extension points -------------------------------------------------------------------------

    /** Called after each {@link #appendVersion} commits (e.g. to update the trace index). */
    void addAppendListener(Consumer<Version> listener);

    /** The pooled database, for features that keep tables of their own (trace index). */
    DataSource dataSource();

    /** True on PostgreSQL, false on SQLite, for the few statements whose SQL differs. */
    boolean isPostgres();

    @Override
    void close();
}
