package dev.redline.track;

import dev.redline.text.Counted;
import java.util.Locale;

/**
 * What one poll round did. Immutable.
 *
 * @param feedsPolled  feeds and sitemaps fetched
 * @param feedErrors   of which failed
 * @param newArticles  articles discovered
 * @param checks       article checks made
 * @param newVersions  versions stored (including first versions)
 * @param unchanged    checks that found the same text (including 304s)
 * @param flipFlops    checks that found an earlier version's text again (not stored)
 * @param gone         articles found gone (404/410) or merged into their canonical URL
 * @param disallowed   articles robots.txt (or the address guard) forbids
 * @param errors       failed checks (network, 5xx, no article on the page)
 */
public record PollSummary(long feedsPolled, long feedErrors, long newArticles, long checks, long newVersions,
                          long unchanged, long flipFlops, long gone, long disallowed, long errors) {

    /** One line for the CLI. */
    public String line() {
        return String.format(Locale.ROOT, "%s polled (%d failed), %s, %s: %s, %d unchanged, %s, %d gone, %d disallowed, %s",
                Counted.of(feedsPolled, "feed"), feedErrors, Counted.of(newArticles, "new article"), Counted.of(checks, "check"),
                Counted.of(newVersions, "new version"), unchanged, Counted.of(flipFlops, "flip-flop"), gone, disallowed,
                Counted.of(errors, "error"));
    }

    PollSummary plus(PollSummary o) {
        return new PollSummary(feedsPolled + o.feedsPolled, feedErrors + o.feedErrors, newArticles + o.newArticles,
                checks + o.checks, newVersions + o.newVersions, unchanged + o.unchanged, flipFlops + o.flipFlops,
                gone + o.gone, disallowed + o.disallowed, errors + o.errors);
    }
}
