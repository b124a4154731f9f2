package dev.redline.store;

import dev.redline.extract.ExtractRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sources Redline follows and how each is doing. One of the {@link Store}'s jobs; take this
 * interface when a caller needs sources and nothing else. Implementations are thread-safe.
 */
public interface SourceStore {

    /** Adds a source; throws {@link dev.redline.error.Conflict} if the name is taken. */
    Source addSource(String name, List<String> feeds, List<String> sitemaps, ExtractRules rules);

    Optional<Source> source(String name);

    Optional<Source> source(long id);

    /** The name of the source with this id, or null when the id is null or the source was removed. */
    default String sourceName(Long sourceId) {
        return sourceId == null ? null : source(sourceId).map(Source::name).orElse(null);
    }

    /** All sources, by name. */
    List<Source> sources();

    /**
     * Removes a source; its articles and versions stay (detached from it), and each WebSub
     * subscription its hub may hold becomes a {@link Departure}, to be unsubscribed. False if unknown.
     */
    boolean removeSource(String name);

    /** Every source with its counts and {@link SourceHealth.Verdict verdict} as of {@code now}. */
    List<SourceHealth> sourceHealth(Instant now);
}
