package dev.redline.track;

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
        return String.format(Locale.ROOT, "%d feeds polled (%d failed), %d new articles, %d checks: %d new versions,"
                        + " %d unchanged, %d flip-flops, %d gone, %d disallowed, %d errors",
                feedsPolled, feedErrors, newArticles, checks, newVersions, unchanged, flipFlops, gone, disallowed, errors);
    }

    PollSummary plus(PollSummary o) {
        return new PollSummary(feedsPolled + o.feedsPolled, feedErrors + o.feedErrors, newArticles + o.newArticles,
                checks + o.checks, newVersions + o.newVersions, unchanged + o.unchanged, flipFlops + o.flipFlops,
                gone + o.gone, disallowed + o.disallowed, errors + o.errors);
    }
}
