package dev.redline.store;

import java.time.Instant;
import java.util.List;

/** Full-text search over every stored version. One of the {@link Store}'s jobs. Thread-safe. */
public interface TextSearch {

    /**
     * Versions matching {@code query} (words and "quoted phrases", all of which must match), collapsed per
     * article, best first; empty for an empty query.
     *
     * @param sourceId only this source, or null
     * @param from     only versions fetched at or after this, or null
     * @param to       only versions fetched before this, or null
     */
    default List<SearchHit> search(String query, Long sourceId, Instant from, Instant to, int limit) {
        return find(query, sourceId, from, to, limit).hits();
    }

    /** {@link #search}, saying how much of the match set was ranked. */
    SearchResults find(String query, Long sourceId, Instant from, Instant to, int limit);

    /**
     * Search hits, best first, and what was ranked.
     *
     * @param rankedNewest 0 when every match was ranked by relevance; else the query matched more than
     *                     this many versions (a word in a large part of the archive) and the newest
     *                     come first: on SQLite newest first outright, on PostgreSQL the newest this
     *                     many ranked by relevance; filters applied after
     */
    record SearchResults(List<SearchHit> hits, int rankedNewest) {
        public SearchResults {
            hits = List.copyOf(hits);
        }
    }
}
