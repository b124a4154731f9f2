package dev.redline.ingest;

import dev.redline.error.BadInput;
import dev.redline.feed.FeedEntry;
import dev.redline.feed.UrlCanonicalizer;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import dev.redline.store.Store;
import dev.redline.text.Normalize;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
     * now) unless it is one already. Entries whose URL is not a web address are skipped. A feed
     * title that none of a known article's versions had is kept once as a {@code teaser} event.
     *
     * @return how many articles are new
     */
    public int ingest(long sourceId, List<FeedEntry> entries) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (FeedEntry e : entries) {
            try {
                urls.putIfAbsent(UrlCanonicalizer.canonicalize(e.url()), e.title());
            } catch (BadInput notWeb) {
                log.debug("skipping feed entry {}: {}", e.url(), notWeb.getMessage());
            }
        }
        // one read for the known ones and one transaction for the new ones: a feed names hundreds
        Map<String, Article> known = store.articlesByUrl(urls.keySet());
        List<String> fresh = urls.keySet().stream().filter(url -> !known.containsKey(url)).toList();
        int added = store.addArticles(fresh, sourceId, clock.instant());
        urls.forEach((url, title) -> {
            if (known.containsKey(url)) {
                keepTeaser(known.get(url), title);
            }
        });
        return added;
    }

    private void keepTeaser(Article article, String feedTitle) {
        if (feedTitle == null || feedTitle.isBlank() || article.title() == null
                || Normalize.key(feedTitle).equals(Normalize.key(article.title()))) {
            return;
        }
        String teaser = Normalize.printable(feedTitle.strip());
        // during a headline test the feed may name another variant: only a title no version had is a teaser
        boolean aVariant = store.versions(article.id()).stream()
                .anyMatch(v -> Normalize.key(v.text().title()).equals(Normalize.key(teaser)));
        if (!aVariant && store.events(article.id()).stream().noneMatch(e -> e.kind() == EventKind.TEASER && teaser.equals(e.detail()))) {
            store.recordEvent(new ArticleEvent(article.id(), clock.instant(), EventKind.TEASER, teaser));
        }
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
