package dev.redline.store;

/**
 * What one check of an article found. {@link #toString()} is the wire name: the value stored in
 * the check log's {@code outcome} column, written in JSON and shown on pages and the terminal; it
 * never changes once released (stored rows keep it).
 */
public enum Outcome {
    /** The text changed: a new version was stored. */
    NEW_VERSION("new-version"),
    /** Fetched, and the text is the same as the latest version. */
    UNCHANGED("unchanged"),
    /** The server answered 304 Not Modified to the stored validators. */
    NOT_MODIFIED("not-modified"),
    /** The text went back to an earlier version (recorded as an event, not stored again). */
    FLIP_FLOP("flip-flop"),
    /** The site answered 404 or 410. */
    GONE("gone"),
    /** robots.txt forbids fetching it. */
    DISALLOWED("disallowed"),
    /** The check failed (network, 5xx, bad content); retried with back-off. */
    ERROR("error"),
    /** Before its first version, the page named another canonical URL, not tracked yet: that article takes over. */
    MOVED("moved"),
    /** Before its first version, the page named the canonical URL of an article already tracked. */
    DUPLICATE("duplicate"),
    /** The page stood in the article's place (error, paywall, consent, login page): an event, no version. */
    NOT_ARTICLE("not-article"),
    /**
     * Taken down without a 404/410 (a redirect to the front page, a removal notice): an event, and
     * the article is re-checked on the quiet schedule, so its return is seen.
     */
    UNPUBLISHED("unpublished");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }

    /** The outcome with this wire name; {@link IllegalArgumentException} naming it when there is none. */
    public static Outcome fromWire(String wireName) {
        return WireNames.parse(Outcome.class, wireName, "check outcome");
    }
}
