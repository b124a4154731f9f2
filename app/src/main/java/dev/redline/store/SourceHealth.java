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
 * @param verdict        how it is doing, in one word
 */
public record SourceHealth(Source source, long articles, Instant lastSuccess, String lastError, long errorsLast24h,
                           double newPerDay, Instant lastChange, Verdict verdict) {

    /** A source's health in one word. {@link #toString()} is the wire name, in JSON, pages and the terminal. */
    public enum Verdict {
        /** Polls and checks succeed, and news keeps coming. */
        OK("ok"),
        /** No new article and no change for long. */
        QUIET("quiet"),
        /** The latest poll or check failed, and nothing succeeded for long or errors keep coming. */
        FAILING("failing");

        private final String wireName;

        Verdict(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String toString() {
            return wireName;
        }
    }
}
