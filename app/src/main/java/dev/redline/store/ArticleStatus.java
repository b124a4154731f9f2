package dev.redline.store;

import java.util.Locale;

/** Where an article is in its life. {@link #toString()} is the stored and JSON name. */
public enum ArticleStatus {
    /** Being re-checked on the adaptive schedule. */
    ACTIVE,
    /** Quiet long enough that it is no longer checked. */
    SETTLED,
    /** The site answered 404/410 or unpublished it; no longer checked. */
    GONE,
    /** Checks keep failing (network, 5xx); retried with back-off. */
    FAILING;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name; {@link IllegalArgumentException} naming it when there is none. */
    public static ArticleStatus fromWire(String wireName) {
        return WireNames.parse(ArticleStatus.class, wireName, "article status");
    }

    public static ArticleStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
