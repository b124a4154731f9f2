package dev.redline.store;

/**
 * What kind of thing happened to an article, other than a new version (see {@link ArticleEvent}).
 * {@link #toString()} is the wire name stored in {@code article_events.kind} and shown on pages;
 * it never changes once released. New kinds are added here as constants (one enum for every
 * feature that records events), never as free strings.
 */
public enum EventKind {
    /** The site answered 404 or 410; detail "HTTP 410". */
    GONE("gone"),
    /** robots.txt forbids fetching it; detail the reason. */
    DISALLOWED("disallowed"),
    /** The page went back to an earlier version; detail says which. */
    FLIP_FLOP("flip-flop"),
    /** After its first version, the page named another canonical URL; detail that URL (noted once per URL). */
    REDIRECTED("redirected"),
    /** Before its first version, the page named a canonical URL not tracked yet; detail that URL. */
    MOVED("moved"),
    /** Before its first version, the page named the canonical URL of an article already tracked; detail that URL. */
    DUPLICATE("duplicate"),
    /** A version of this article copies an earlier version of another source's article; detail the reuse JSON. */
    REUSES("reuses"),
    /** Another source's article copies a version of this one; detail the same reuse JSON. */
    REUSED_BY("reused-by"),
    /**
     * The article was taken down without a 404/410: a redirect to a section front or the home page,
     * or a page that now says the article was removed; detail says which.
     */
    UNPUBLISHED("unpublished"),
    /** A feed names the article under a headline none of its versions had (a teaser); detail that title, kept once. */
    TEASER("teaser"),
    /**
     * The page stood in the article's place (an error, paywall, consent or login page, or no
     * headline or text, by the extractor's page verdict) and no version was stored; detail the reason
     * (noted once per change of reason).
     */
    NOT_ARTICLE("not-article"),
    /**
     * An unpublished article's page is back (the tracker kept checking it on the quiet schedule);
     * detail what the check found.
     */
    REPUBLISHED("republished");

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    /** True for the two sides of a reuse relation, {@link #REUSES} and {@link #REUSED_BY}. */
    public boolean isReuse() {
        return this == REUSES || this == REUSED_BY;
    }

    @Override
    public String toString() {
        return wireName;
    }

    /** The kind with this wire name; {@link IllegalArgumentException} naming it when there is none. */
    public static EventKind fromWire(String wireName) {
        return WireNames.parse(EventKind.class, wireName, "article event kind");
    }
}
