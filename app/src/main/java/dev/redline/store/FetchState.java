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
 */
public record FetchState(String etag, String lastModified, Duration interval, int unchangedStreak, int failures) {
    /** Re-check interval in the fetch state of an article never checked yet. */
    public static final Duration INITIAL_INTERVAL = Duration.ofMinutes(30);
}
