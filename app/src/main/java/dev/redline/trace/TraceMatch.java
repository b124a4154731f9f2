package dev.redline.trace;

import dev.redline.diff.DiffResult;
import java.time.Instant;
import java.util.List;

/**
 * One traced source: the article a copy comes from and the exact version it copies. Serialises
 * (through {@code Json.MAPPER}) to the documented JSON of {@code redline trace --format json} and
 * {@code /api/trace}.
 *
 * @param url          the source article's canonical URL
 * @param source       the source's name, or null when the article belongs to none
 * @param title        the headline of the matched version
 * @param version      the matched version number: most text in common, the earliest on a tie
 * @param fetchedAt    when Redline first saw that version
 * @param tiedVersions every version containing the copy equally well (ascending; includes {@code version})
 * @param coverage     share of the copy found in that version (1.0: everything the copy says is in it)
 * @param containment  share of that version the copy carries (1.0: the copy has all of it)
 * @param diff         the source version (old) against the copy (new): what the copier added, cut or changed
 */
public record TraceMatch(String url, String source, String title, int version, Instant fetchedAt,
                         List<Integer> tiedVersions, double coverage, double containment, DiffResult diff) {
    public TraceMatch {
        tiedVersions = List.copyOf(tiedVersions);
    }
}
