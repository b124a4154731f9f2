package dev.redline.store;

import java.time.Instant;
import java.util.List;

/**
 * An article matching a full-text query, collapsed over its versions.
 *
 * @param article        the article
 * @param sourceName     its source's name, or null
 * @param versionNumbers the versions that match, ascending
 * @param lastMatchAt    fetch time of the newest matching version
 * @param snippet        plain text around the match; {@code highlights} say which parts matched
 * @param highlights     [start, end) character ranges in {@code snippet} to highlight
 */
public record SearchHit(Article article, String sourceName, List<Integer> versionNumbers, Instant lastMatchAt,
                        String snippet, List<int[]> highlights) {
}
