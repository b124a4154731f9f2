package dev.redline.store;

import dev.redline.change.VersionChange;
import java.util.List;
import java.util.Map;

/**
 * Each version's stored change facets ({@link VersionChange}: notes, stealth verdict, facts), worked
 * out by {@code dev.redline.editing} when the version is recorded. Derived data: it never changes a
 * version, and a facet computed under other detector rules (another {@code rules} number) counts as
 * missing. One of the {@link Store}'s jobs; implementations are thread-safe.
 */
public interface ChangeStore {

    /** One version's facets as computed under detector rules {@code rules}. */
    record StoredChange(long versionId, long articleId, int rules, VersionChange change) {
    }

    /**
     * Stores facets in one transaction; a version whose facets are stored already under the same
     * rules is left as it is, one stored under other rules is replaced.
     */
    void saveChanges(List<StoredChange> changes);

    /** The facets stored for an article's versions under {@code rules}, by version id (missing ones absent). */
    Map<Long, VersionChange> changes(long articleId, int rules);

    /** The facets stored under {@code rules} for the versions of these articles, by version id. */
    Map<Long, VersionChange> changesOfArticles(List<Long> articleIds, int rules);

    /** The facets stored under {@code rules} for these versions (of any articles), by version id. */
    Map<Long, VersionChange> changesOf(List<Long> versionIds, int rules);

    /**
     * Ids of articles after {@code afterId} (keyset paging, 0 to start) with at least one version
     * lacking facets under {@code rules}: what a backfill still has to do.
     */
    List<Long> articlesLackingChanges(long afterId, int rules, int limit);
}
