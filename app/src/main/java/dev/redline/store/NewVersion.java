package dev.redline.store;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.Set;

/**
 * A version about to be stored; the store assigns its number (previous + 1, or 0).
 *
 * @param fetchedAt    when the text was seen
 * @param text         the content
 * @param changed      fields that differ from the previous version
 * @param boring       cosmetic-only change
 * @param boringReason rule that fired, or null
 * @param captureRef   raw capture pointer, or null
 */
public record NewVersion(Instant fetchedAt, ArticleText text, Set<VersionField> changed, boolean boring,
                         String boringReason, String captureRef) {
    public NewVersion {
        changed = Set.copyOf(changed);
    }
}
