package dev.redline.web;

import dev.redline.error.BadInput;
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

    /**
     * A source named by a filter parameter or a request body: {@code null} stays {@code null} (no
     * filter), and an unknown name is the caller's bad input (400), not a missing page (404).
     */
    static Long filterSourceId(SourceStore store, String name) {
        return name == null ? null : store.source(name).map(Source::id).orElseThrow(
                () -> new BadInput(noSourceNamed(name)));
    }

    static NotFound noSuchArticle(long id) {
        return new NotFound("There is no article " + id + ".");
    }

    /** The name comes from the request: shortened, and escaped wherever the message is shown. */
    static NotFound noSuchSource(String name) {
        return new NotFound(noSourceNamed(name));
    }

    private static String noSourceNamed(String name) {
        return "There is no source named '" + Params.abbreviate(name) + "'.";
    }
}
