package dev.redline.feed;

import java.time.Instant;

/**
 * One article a feed or sitemap names.
 *
 * @param url       absolute article URL as the feed gives it (not yet canonical)
 * @param guid      the feed's own id for the entry (RSS guid, Atom id, JSON Feed id), or null
 * @param title     headline in the feed, or null
 * @param published publication (or last update) time, or null when the feed gives none
 */
public record FeedEntry(String url, String guid, String title, Instant published) {
}
