package dev.redline.store;

import java.time.Instant;

/**
 * How a source is doing, for the sources page and {@code redline source list}.
 *
 * @param source         the source
 * @param articles       articles tracked from it
 * @param lastSuccess    last successful feed poll or article check, or null
 * @param lastError      last error message, or null
 * @param errorsLast24h  failed checks in the last 24 hours
 * @param newPerDay      new articles per day over the last 7 days
 * @param lastChange     when a new version (n &gt; 0) was last seen, or null
 * @param verdict        "ok", "quiet" (nothing new for long) or "failing"
 */
public record SourceHealth(Source source, long articles, Instant lastSuccess, String lastError, long errorsLast24h,
                           double newPerDay, Instant lastChange, String verdict) {
}
