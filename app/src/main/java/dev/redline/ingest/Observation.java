package dev.redline.ingest;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.Objects;

/**
 * One text of an article as it was seen.
 *
 * @param fetchedAt  when it was seen
 * @param text       what the page said
 * @param captureRef where the raw response is archived, or null
 */
public record Observation(Instant fetchedAt, ArticleText text, String captureRef) {
    public Observation {
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(text, "text");
    }
}
