package dev.redline.store;

import dev.redline.extract.ExtractRules;
import java.time.Instant;
import java.util.List;

/**
 * A news source Redline follows: its feeds and sitemaps, and optional extraction overrides.
 *
 * @param id        store id
 * @param name      unique short name chosen by the operator ("bbc", "daily-planet")
 * @param feeds     RSS / Atom / JSON Feed URLs
 * @param sitemaps  news sitemap or sitemap-index URLs
 * @param rules     CSS overrides for extraction on this source's pages
 * @param createdAt when it was added
 */
public record Source(long id, String name, List<String> feeds, List<String> sitemaps, ExtractRules rules,
                     Instant createdAt) {
    public Source {
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
    }
}
