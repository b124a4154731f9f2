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
    List<SearchHit> search(String query, Long sourceId, Instant from, Instant to, int limit);
}
