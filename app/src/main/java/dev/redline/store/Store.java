package dev.redline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Redline's record: sources, articles, every version, checks. One implementation over JDBC serves
 * SQLite (the embedded default) and PostgreSQL (many workers). Implementations are thread-safe.
 * A version, once {@link #appendVersion appended}, is never changed or lost.
 */
public interface Store extends AutoCloseable {

    // --- sources -------------------------------------------------------------------------------

    /** Adds a source; throws {@link IllegalArgumentException} if the name is taken. */
    Source addSource(String name, List<String> feeds, List<String> sitemaps, SourceRules rules);

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

    @Override
    void close();
}
