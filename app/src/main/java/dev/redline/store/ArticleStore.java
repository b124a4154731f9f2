package dev.redline.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Articles, their versions and what happened to them (events, the check log's read side). One of
 * the {@link Store}'s jobs. A version, once {@link #appendVersion appended}, is never changed or
 * lost. Implementations are thread-safe.
 */
public interface ArticleStore {

    // --- articles ------------------------------------------------------------------------------

    /**
     * Returns the article with this canonical URL, creating it (active, due at {@code seenAt}) when new.
     * When it exists with no source and {@code sourceId} is given, it is attached to that source.
     */
    Article upsertArticle(String canonicalUrl, Long sourceId, Instant seenAt);

    /**
     * {@link #upsertArticle} for many URLs in one transaction (a feed's entries), without reading
     * the articles back.
     *
     * @return how many of the URLs were new
     */
    int addArticles(Collection<String> canonicalUrls, Long sourceId, Instant seenAt);

    /** The stored articles among these canonical URLs, by URL (one read, however many). */
    Map<String, Article> articlesByUrl(Collection<String> canonicalUrls);

    Optional<Article> article(long id);

    Optional<Article> articleByUrl(String canonicalUrl);

    /**
     * A page of articles, most recently changed first; {@code sourceId} null for all. For screens
     * only: the order moves with every append, so walking all articles this way can skip some; use
     * {@link #articlesAfter} for that.
     */
    List<Article> articles(Long sourceId, int offset, int limit);

    /**
     * Articles in id order after {@code afterId} (0 to start): keyset paging, the stable way to walk
     * every article while others keep writing (export, re-indexing).
     */
    List<Article> articlesAfter(long afterId, int limit);

    /** {@link #articlesAfter} within one source: keyset paging over a source's articles. */
    List<Article> sourceArticlesAfter(long sourceId, long afterId, int limit);

    long articleCount();

    /** How far the record has got (see {@link StoreMark}): cheap, for validators and caches. */
    StoreMark mark();

    long versionCount();

    // --- versions ------------------------------------------------------------------------------

    /** All versions of an article, by number. */
    List<Version> versions(long articleId);

    Optional<Version> version(long articleId, int number);

    /**
     * The numbers of the article's versions whose stored field hashes are {@code hashes} (the same
     * text under {@link FieldHashes}' comparison key), ascending: the flip-flop check, without
     * reading any version's text.
     */
    List<Integer> versionsWithHashes(long articleId, FieldHashes hashes);

    /** All versions of these articles, by article id, each list by number (reading many histories at once). */
    Map<Long, List<Version>> versionsOf(List<Long> articleIds);

    /**
     * {@link #versionsOf}, each text with its headline and byline but no paragraphs (an empty
     * body): for readers of headlines, times and verdicts only (a source's record), which would
     * otherwise parse every body of the source.
     */
    Map<Long, List<Version>> versionHeadsOf(List<Long> articleIds);

    /**
     * Appends the next version (number = count so far) atomically and returns it. Callers outside
     * the store go through {@code dev.redline.ingest.VersionRecorder}, which also runs the analysers.
     */
    Version appendVersion(long articleId, NewVersion version);

    /**
     * Loads an archived history in one transaction: creates the article if it is new (settled, since
     * imported text is not re-checked unless the tracker is told to follow it), attaches the source
     * if the article has none, and appends the versions that are not stored yet. A version counts as
     * stored when one with the same fetch time (to the millisecond) and the same normalised fields
     * exists, so importing the same history twice adds nothing. Nothing is written when a new version
     * is older than the newest stored one (versions are append-only).
     *
     * @return the versions appended (empty when all were there)
     * @throws dev.redline.error.Conflict when the history conflicts with what is stored
     */
    List<Version> importHistory(String canonicalUrl, Long sourceId, List<NewVersion> history);

    /**
     * One archived history for {@link #importHistories}.
     *
     * @param canonicalUrl the article's URL
     * @param sourceId     the source to attach it to, or null
     * @param versions     its versions, oldest first (at least one)
     */
    record HistoryImport(String canonicalUrl, Long sourceId, List<NewVersion> versions) {
        public HistoryImport {
            versions = List.copyOf(versions);
        }
    }

    /**
     * {@link #importHistory} for many articles in one transaction (bulk loads: one commit per
     * batch instead of one per article). Nothing is written when any history conflicts.
     *
     * @return the versions appended, one list per history in the given order
     * @throws dev.redline.error.Conflict naming the article whose history conflicts
     */
    List<List<Version>> importHistories(List<HistoryImport> histories);

    /**
     * Keeps an imported history's status and events (after {@link #importHistory}), in one
     * transaction: events not stored yet (same time to the millisecond, kind and detail) are
     * recorded, and {@link ArticleStatus#GONE} is kept, ending the article's checks. Other statuses
     * are left as the store has them, since an imported article is only checked when followed.
     *
     * @param status the file's status, or null when it does not say
     * @return how many events were recorded
     */
    int importLifecycle(long articleId, ArticleStatus status, List<ArticleEvent> events);

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

    /**
     * {@link #recentChanges} after a cursor: the changes that come after version {@code beforeVersionId}
     * in the list's order (fetch time, then id, newest first). Keyset paging: versions recorded while
     * a client pages are newer and so never shift the pages it has still to read.
     *
     * @param beforeVersionId the id of the last version of the previous page
     */
    List<Change> changesBefore(Long sourceId, boolean includeFirst, boolean includeBoring, long beforeVersionId, int limit);

    /**
     * The {@code limit} changes that come just before version {@code afterVersionId} in the list's
     * order (the newer ones next to it), newest first: the page before a {@link #changesBefore} page.
     *
     * @param afterVersionId the id of the first version of the page after
     */
    List<Change> changesAfter(Long sourceId, boolean includeFirst, boolean includeBoring, long afterVersionId, int limit);

    // --- events and checks ---------------------------------------------------------------------

    void recordEvent(ArticleEvent event);

    /**
     * The newest events of these kinds across the store, newest first (what the feeds show beside
     * new versions: unpublishing, reverts).
     *
     * @param sourceId  only this source's articles, or null
     * @param articleId only this article, or null
     */
    List<ArticleEvent> recentEvents(Long sourceId, Long articleId, Set<EventKind> kinds, int limit);

    /** Events of an article, oldest first. */
    List<ArticleEvent> events(long articleId);

    /** Events of these articles, by article id, each list oldest first. */
    Map<Long, List<ArticleEvent>> eventsOf(List<Long> articleIds);

    /**
     * The newest events of the given kinds across articles (of one source, or all when
     * {@code sourceId} is null), newest first: taken-down articles for the change list and feeds.
     */
    List<ArticleEvent> recentEvents(Set<EventKind> kinds, Long sourceId, int limit);

    /** The newest checks of an article, newest first. */
    List<CheckLog> checks(long articleId, int limit);
}
