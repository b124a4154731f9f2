package dev.redline.store;

import java.time.Duration;

/**
 * What the tracker remembers between checks of one article.
 *
 * @param etag             last ETag, for If-None-Match, or null
 * @param lastModified     last Last-Modified header, for If-Modified-Since, or null
 * @param interval         the current re-check interval of the adaptive schedule
 * @param unchangedStreak  checks in a row that found no new version
 * @param failures         checks in a row that failed (network, 5xx)
 * @param bodyHash         hash of the last fetched body (with the extraction rules it was read with)
 *                         when that body held the latest version, or null: the same body again needs no
 *                         extraction
 * @param unpublished      the last check found the article taken down without a 404 (a redirect to the
 *                         front page, a removal notice): it is re-checked on the quiet schedule, and its
 *                         return is an event
 */
public record FetchState(String etag, String lastModified, Duration interval, int unchangedStreak, int failures,
                         String bodyHash, boolean unpublished) {
    /** Re-check interval in the fetch state of an article never checked yet. */
    public static final Duration INITIAL_INTERVAL = Duration.ofMinutes(30);

    /** A state with no body hash, not unpublished. */
    public FetchState(String etag, String lastModified, Duration interval, int unchangedStreak, int failures) {
        this(etag, lastModified, interval, unchangedStreak, failures, null, false);
    }
}
