package dev.redline.cli;

import dev.redline.feed.UrlCanonicalizer;
import dev.redline.store.Article;
import dev.redline.store.Store;
import java.util.Optional;

/**
 * What a user may type to name a tracked article: its numeric id, or any URL form of it. A URL is
 * canonicalised the way the tracker stores it (tracking parameters, fragment, default port and
 * host case dropped) and then matched with or without a trailing slash, the one difference the
 * canonical form keeps but a person does not notice.
 */
final class ArticleRef {
    private ArticleRef() {
    }

    /** True when {@code ref} is an article id rather than a URL. */
    static boolean isId(String ref) {
        return ref.strip().matches("[0-9]{1,18}");
    }

    /**
     * The tracked article {@code ref} names, if any.
     *
     * @throws dev.redline.error.BadInput when {@code ref} is neither an id nor an absolute http(s) URL
     */
    static Optional<Article> find(Store store, String ref) {
        if (isId(ref)) {
            return store.article(Long.parseLong(ref.strip()));
        }
        String canonical = UrlCanonicalizer.canonicalize(ref);
        Optional<Article> exact = store.articleByUrl(canonical);
        if (exact.isPresent()) {
            return exact;
        }
        int pathStart = canonical.indexOf('/', canonical.indexOf("://") + 3);
        String beforeQuery = canonical.contains("?") ? canonical.substring(0, canonical.indexOf('?')) : canonical;
        String query = canonical.substring(beforeQuery.length());
        if (beforeQuery.length() - 1 == pathStart) {
            return Optional.empty(); // the root path "/" has no slash-less form
        }
        String other = beforeQuery.endsWith("/") ? beforeQuery.substring(0, beforeQuery.length() - 1) : beforeQuery + "/";
        return store.articleByUrl(other + query);
    }
}
