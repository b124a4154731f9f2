package dev.redline.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.redline.change.VersionChange;
import dev.redline.extract.ExtractRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link Store} over JDBC (JDBI), for SQLite and PostgreSQL alike: one piece per job
 * ({@link JdbcSources}, {@link JdbcArticles}, {@link JdbcWorkQueue}, {@link JdbcSearch},
 * {@link JdbcHostSlots}, {@link JdbcTracePostings}, {@link JdbcWatches}, {@link JdbcSplits},
 * {@link JdbcLearnedLines}, {@link JdbcSubscriptions}, {@link JdbcChanges}) over one connection pool, which this class
 * owns and closes. Opened by {@link StoreDatabase}. The SQL is shared except where the databases
 * truly differ: full-text search (FTS5 / tsvector) and claiming due work. Instants are stored as
 * epoch milliseconds, so they come back truncated to the millisecond.
 *
 * <p>Thread-safe: all state is in the database and the connection pool; any number of threads,
 * store instances and processes may share one database.
 */
final class JdbcStore implements Store {
    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final SourceStore sources;
    private final ArticleStore articles;
    private final WorkQueue work;
    private final TextSearch search;
    private final HostSlotStore slots;
    private final TracePostings trace;
    private final WatchStore watches;
    private final SplitStore splits;
    private final LearnedLineStore learned;
    private final SubscriptionStore subscriptions;
    private final ChangeStore changes;

    JdbcStore(HikariDataSource dataSource, boolean postgres, Clock clock) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        Database db = new Database(Jdbi.create(dataSource), postgres, clock);
        this.sources = new JdbcSources(db);
        this.articles = new JdbcArticles(db);
        this.work = new JdbcWorkQueue(db);
        this.search = new JdbcSearch(db);
        this.slots = new JdbcHostSlots(db);
        this.trace = new JdbcTracePostings(dataSource, postgres);
        this.watches = new JdbcWatches(db);
        this.splits = new JdbcSplits(db);
        this.learned = new JdbcLearnedLines(db);
        this.subscriptions = new JdbcSubscriptions(db);
        this.changes = new JdbcChanges(db);
    }

    /** The pool, for the store's own tests that look at rows directly. */
    DataSource dataSource() {
        return dataSource;
    }

    /** True on PostgreSQL, for the store's own tests. */
    boolean isPostgres() {
        return postgres;
    }

    @Override
    public WatchStore watches() {
        return watches;
    }

    @Override
    public LearnedLineStore learnedLines() {
        return learned;
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public TracePostings tracePostings() {
        return trace;
    }

    @Override
    public SplitStore splits() {
        return splits;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    // --- sources -------------------------------------------------------------------------------

    @Override
    public Source addSource(String name, List<String> feeds, List<String> sitemaps, ExtractRules rules) {
        return sources.addSource(name, feeds, sitemaps, rules);
    }

    @Override
    public Optional<Source> source(String name) {
        return sources.source(name);
    }

    @Override
    public Optional<Source> source(long id) {
        return sources.source(id);
    }

    @Override
    public String sourceName(Long sourceId) {
        return sources.sourceName(sourceId);
    }

    @Override
    public List<Source> sources() {
        return sources.sources();
    }

    @Override
    public boolean removeSource(String name) {
        return sources.removeSource(name);
    }

    @Override
    public List<SourceHealth> sourceHealth(Instant now) {
        return sources.sourceHealth(now);
    }

    // --- articles, versions, events ------------------------------------------------------------

    @Override
    public Article upsertArticle(String canonicalUrl, Long sourceId, Instant seenAt) {
        return articles.upsertArticle(canonicalUrl, sourceId, seenAt);
    }

    @Override
    public int addArticles(Collection<String> canonicalUrls, Long sourceId, Instant seenAt) {
        return articles.addArticles(canonicalUrls, sourceId, seenAt);
    }

    @Override
    public Map<String, Article> articlesByUrl(Collection<String> canonicalUrls) {
        return articles.articlesByUrl(canonicalUrls);
    }

    @Override
    public Optional<Article> article(long id) {
        return articles.article(id);
    }

    @Override
    public Optional<Article> articleByUrl(String canonicalUrl) {
        return articles.articleByUrl(canonicalUrl);
    }

    @Override
    public List<Article> articles(Long sourceId, int offset, int limit) {
        return articles.articles(sourceId, offset, limit);
    }

    @Override
    public List<Article> articlesAfter(long afterId, int limit) {
        return articles.articlesAfter(afterId, limit);
    }

    @Override
    public List<Article> sourceArticlesAfter(long sourceId, long afterId, int limit) {
        return articles.sourceArticlesAfter(sourceId, afterId, limit);
    }

    @Override
    public long articleCount() {
        return articles.articleCount();
    }

    @Override
    public StoreMark mark() {
        return articles.mark();
    }

    @Override
    public long versionCount() {
        return articles.versionCount();
    }

    @Override
    public List<Version> versions(long articleId) {
        return articles.versions(articleId);
    }

    @Override
    public Optional<Version> version(long articleId, int number) {
        return articles.version(articleId, number);
    }

    @Override
    public List<Integer> versionsWithHashes(long articleId, FieldHashes hashes) {
        return articles.versionsWithHashes(articleId, hashes);
    }

    @Override
    public Map<Long, List<Version>> versionsOf(List<Long> articleIds) {
        return articles.versionsOf(articleIds);
    }

    @Override
    public Map<Long, List<Version>> versionHeadsOf(List<Long> articleIds) {
        return articles.versionHeadsOf(articleIds);
    }

    @Override
    public Map<Long, List<ArticleEvent>> eventsOf(List<Long> articleIds) {
        return articles.eventsOf(articleIds);
    }

    @Override
    public Version appendVersion(long articleId, NewVersion version) {
        return articles.appendVersion(articleId, version);
    }

    @Override
    public List<Version> importHistory(String canonicalUrl, Long sourceId, List<NewVersion> history) {
        return articles.importHistory(canonicalUrl, sourceId, history);
    }

    @Override
    public List<List<Version>> importHistories(List<HistoryImport> histories) {
        return articles.importHistories(histories);
    }

    @Override
    public int importLifecycle(long articleId, ArticleStatus status, List<ArticleEvent> events) {
        return articles.importLifecycle(articleId, status, events);
    }

    @Override
    public List<Change> recentChanges(Long sourceId, Long articleId, boolean includeFirst, boolean includeBoring,
                                      int offset, int limit) {
        return articles.recentChanges(sourceId, articleId, includeFirst, includeBoring, offset, limit);
    }

    @Override
    public List<Change> changesBefore(Long sourceId, boolean includeFirst, boolean includeBoring, long beforeVersionId,
                                      int limit) {
        return articles.changesBefore(sourceId, includeFirst, includeBoring, beforeVersionId, limit);
    }

    @Override
    public List<Change> changesAfter(Long sourceId, boolean includeFirst, boolean includeBoring, long afterVersionId, int limit) {
        return articles.changesAfter(sourceId, includeFirst, includeBoring, afterVersionId, limit);
    }

    @Override
    public void recordEvent(ArticleEvent event) {
        articles.recordEvent(event);
    }

    @Override
    public List<ArticleEvent> recentEvents(Long sourceId, Long articleId, Set<EventKind> kinds, int limit) {
        return articles.recentEvents(sourceId, articleId, kinds, limit);
    }

    @Override
    public List<ArticleEvent> events(long articleId) {
        return articles.events(articleId);
    }

    @Override
    public List<ArticleEvent> recentEvents(Set<EventKind> kinds, Long sourceId, int limit) {
        return articles.recentEvents(kinds, sourceId, limit);
    }

    @Override
    public List<CheckLog> checks(long articleId, int limit) {
        return articles.checks(articleId, limit);
    }

    // --- stored change facets --------------------------------------------------------------------

    @Override
    public void saveChanges(List<StoredChange> stored) {
        changes.saveChanges(stored);
    }

    @Override
    public Map<Long, VersionChange> changes(long articleId, int rules) {
        return changes.changes(articleId, rules);
    }

    @Override
    public Map<Long, VersionChange> changesOf(List<Long> versionIds, int rules) {
        return changes.changesOf(versionIds, rules);
    }

    @Override
    public Map<Long, VersionChange> changesOfArticles(List<Long> articleIds, int rules) {
        return changes.changesOfArticles(articleIds, rules);
    }

    @Override
    public List<Long> articlesLackingChanges(long afterId, int rules, int limit) {
        return changes.articlesLackingChanges(afterId, rules, limit);
    }

    // --- work queue ----------------------------------------------------------------------------

    @Override
    public List<Article> claimDueArticles(Instant now, int limit, String workerId, Duration lease, boolean ignoreSchedule) {
        return work.claimDueArticles(now, limit, workerId, lease, ignoreSchedule);
    }

    @Override
    public FetchState fetchState(long articleId) {
        return work.fetchState(articleId);
    }

    @Override
    public void finishCheck(long articleId, String workerId, CheckOutcome outcome) {
        work.finishCheck(articleId, workerId, outcome);
    }

    @Override
    public List<Version> finishChecks(String workerId, List<FinishedCheck> checks) {
        return work.finishChecks(workerId, checks);
    }

    @Override
    public List<FeedTask> claimDueFeeds(Instant now, int limit, String workerId, Duration lease) {
        return work.claimDueFeeds(now, limit, workerId, lease);
    }

    @Override
    public void finishFeedPoll(FeedTask feed, String workerId, Instant at, Integer httpStatus, String error, String etag,
                               String lastModified, int newArticles, Instant nextPoll) {
        work.finishFeedPoll(feed, workerId, at, httpStatus, error, etag, lastModified, newArticles, nextPoll);
    }

    // --- search and host slots -----------------------------------------------------------------

    @Override
    public SearchResults find(String query, Long sourceId, Instant from, Instant to, int limit) {
        return search.find(query, sourceId, from, to, limit);
    }

    @Override
    public Instant reserveHostSlot(String host, Instant now, Duration minDelay) {
        return slots.reserveHostSlot(host, now, minDelay);
    }
}
