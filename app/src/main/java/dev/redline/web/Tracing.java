package dev.redline.web;

import dev.redline.diff.DiffResult;
import java.time.Instant;
import java.util.List;

/**
 * Finds which tracked article, and which version of it, a text copies; implemented over
 * {@code dev.redline.trace} by whoever starts the server. Implementations are thread-safe.
 */
public interface Tracing {

    /** Matches for a pasted text, best first; empty when nothing matches above the floor. */
    List<Match> traceText(String text, int limit);

    /** Matches for the article at a URL (fetched through the private-address guard). */
    List<Match> traceUrl(String url, int limit);

    /** One traced source version; the JSON form is that of {@code redline trace --format json}. */
    record Match(String url, String source, String title, int version, Instant fetchedAt,
                 List<Integer> tiedVersions, double coverage, double containment, DiffResult diff) {
    }
}
