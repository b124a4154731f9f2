package dev.redline.store;

/**
 * A feed or sitemap of a source, due for polling and claimed by one worker.
 *
 * @param sourceId     the source
 * @param sourceName   its name
 * @param url          feed or sitemap URL
 * @param sitemap      true for a (news) sitemap or sitemap index, false for RSS/Atom/JSON Feed
 * @param etag         last ETag, or null
 * @param lastModified last Last-Modified, or null
 */
public record FeedTask(long sourceId, String sourceName, String url, boolean sitemap, String etag,
                       String lastModified) {
}
