package dev.redline.feed;

import java.util.List;

/**
 * What one feed document yielded.
 *
 * @param format   "rss_2.0", "atom_1.0", "json-feed", "sitemap", "sitemap-index", …
 * @param entries  the articles it names, in document order
 * @param sitemaps child sitemap URLs (only for a sitemap index)
 * @param hubLinks the WebSub hubs and topic URL the document names ({@link HubLinks#NONE} for sitemaps)
 */
public record Feed(String format, List<FeedEntry> entries, List<String> sitemaps, HubLinks hubLinks) {
    public Feed {
        entries = List.copyOf(entries);
        sitemaps = List.copyOf(sitemaps);
    }
}
