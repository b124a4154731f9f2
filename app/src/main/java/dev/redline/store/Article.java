package dev.redline.store;

import java.time.Instant;

/**
 * A tracked article, one per canonical URL.
 *
 * @param id           store id
 * @param sourceId     the source whose feed named it, or null when tracked by hand or imported without one
 * @param url          canonical URL
 * @param title        headline of the latest version (null before the first version)
 * @param firstSeen    when Redline first learned of it
 * @param lastChecked  last check time, or null
 * @param nextCheck    when it is due, or null when no longer checked
 * @param status       life-cycle status
 * @param versionCount number of stored versions
 */
public record Article(long id, Long sourceId, String url, String title, Instant firstSeen, Instant lastChecked,
                      Instant nextCheck, ArticleStatus status, int versionCount) {
}
