package dev.redline.web;

import dev.redline.error.NotFound;
import dev.redline.store.Article;
import dev.redline.store.ArticleStore;
import dev.redline.store.Source;
import dev.redline.store.SourceStore;

/**
 * The web's lookups of a path's article or source, with the one 404 message for each, so every
 * page, feed, download and API route says "not found" the same way. Stateless.
 */
final class Lookups {
    private Lookups() {
    }

    static Article article(ArticleStore store, long id) {
        return store.article(id).orElseThrow(() -> noSuchArticle(id));
    }

    static Source source(SourceStore store, String name) {
        return store.source(name).orElseThrow(() -> noSuchSource(name));
    }

    static NotFound noSuchArticle(long id) {
        return new NotFound("There is no article " + id + ".");
    }

    /** The name comes from the request: shortened, and escaped wherever the message is shown. */
    static NotFound noSuchSource(String name) {
        return new NotFound("There is no source named '" + Params.abbreviate(name) + "'.");
    }
}
