package dev.redline.newsedits;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.redline.diff.OpKind;
import java.time.Instant;

/**
 * One sentence operation between consecutive versions of an article, in the spirit of the NewsEdits
 * dataset (Spangher et al., 2022): every sentence of both versions appears once, as same, edit,
 * add, delete or move, with its index in each version. The row of {@code redline export --format
 * newsedits} and of the Spark {@code edits} job. Immutable.
 *
 * @param url          the article
 * @param source       its source, or null
 * @param versionOld   number of the older version
 * @param versionNew   number of the newer version (versionOld + 1)
 * @param fetchedAtOld when the older version was seen
 * @param fetchedAtNew when the newer version was seen
 * @param op           same / edit / add / delete / move
 * @param oldIndex     sentence index in the older version, or null (add)
 * @param newIndex     sentence index in the newer version, or null (delete)
 * @param oldIndexEnd  last old sentence index when two were merged, else null
 * @param newIndexEnd  last new sentence index when one was split in two, else null
 * @param oldText      the old sentence text, or null (JSON {@code old})
 * @param newText      the new sentence text, or null (JSON {@code new})
 * @param boring       the newer version's stored boring flag (the whole change is cosmetic)
 */
@JsonPropertyOrder({"url", "source", "versionOld", "versionNew", "fetchedAtOld", "fetchedAtNew", "op", "oldIndex",
        "newIndex", "oldIndexEnd", "newIndexEnd", "old", "new", "boring"})
public record EditRow(String url, String source, int versionOld, int versionNew, Instant fetchedAtOld, Instant fetchedAtNew,
                      OpKind op, Integer oldIndex, Integer newIndex, Integer oldIndexEnd, Integer newIndexEnd,
                      @JsonProperty("old") String oldText, @JsonProperty("new") String newText, boolean boring) {
}
