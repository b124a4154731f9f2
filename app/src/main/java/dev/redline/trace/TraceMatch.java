package dev.redline.trace;

import dev.redline.diff.DiffResult;
import dev.redline.provenance.Attribution;
import dev.redline.provenance.Evidence;
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
 * @param version      the version the copy carries, decided from the differences between the
 *                     article's versions ({@link Attribution}); the earliest when evidence does not separate them
 * @param fetchedAt    when Redline first saw that version
 * @param tiedVersions every version the evidence is as consistent with (ascending; includes {@code version})
 * @param coverage     share of the copy's five-word runs found in that version (1.0: everything the copy says is in it)
 * @param containment  share of that version's five-word runs the copy carries (1.0: the copy has all of it)
 * @param keywords     figures and names of the copy found in the article in the same order (what
 *                     matches a spun copy when few five-word runs survive)
 * @param evidence     the differences between versions that decided {@code version}, strongest first
 * @param diff         the source version (old) against the copy (new): what the copier added, cut or
 *                     changed; null when not asked for
 */
public record TraceMatch(String url, String source, String title, int version, Instant fetchedAt,
                         List<Integer> tiedVersions, double coverage, double containment, int keywords,
                         List<Evidence> evidence, DiffResult diff) {
    public TraceMatch {
        tiedVersions = List.copyOf(tiedVersions);
        evidence = List.copyOf(evidence);
    }
}
