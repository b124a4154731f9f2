package dev.redline.ingest;

import dev.redline.error.BadInput;
import dev.redline.feed.FeedEntry;
import dev.redline.feed.UrlCanonicalizer;
import dev.redline.store.Article;
import dev.redline.store.Store;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way articles enter the record: entries of a source (a polled feed or sitemap today, a
 * WebSub push later) or one URL followed by hand. URLs are canonicalised first, so every form of an
 * address is one article. Thread-safe (stateless over a thread-safe store).
 */
public final class Discovery {
    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

    private final Store store;
    private final Clock clock;

    public Discovery(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ingests entries of a source: each entry's canonical URL becomes an article of the source (due
     * now) unless it is one already. Entries whose URL is not a web address are skipped.
     *
     * @return how many articles are new
     */
    public int ingest(long sourceId, List<FeedEntry> entries) {
        Set<String> urls = new LinkedHashSet<>();
        for (FeedEntry e : entries) {
            try {
                urls.add(UrlCanonicalizer.canonicalize(e.url()));
            } catch (BadInput notWeb) {
                log.debug("skipping feed entry {}: {}", e.url(), notWeb.getMessage());
            }
        }
        int added = 0;
        for (String url : urls) {
            if (store.articleByUrl(url).isEmpty()) {
                store.upsertArticle(url, sourceId, clock.instant());
                added++;
            }
        }
        return added;
    }

    /**
     * Follows one URL without a feed: the article at its canonical form, created (due now) when new.
     *
     * @param sourceId the source to attach it to, or null
     * @throws BadInput when the URL is not an absolute http(s) URL
     */
    public Article follow(String url, Long sourceId) {
        return store.upsertArticle(UrlCanonicalizer.canonicalize(url), sourceId, clock.instant());
    }
}
