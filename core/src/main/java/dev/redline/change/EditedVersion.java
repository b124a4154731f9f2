package dev.redline.change;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored version with its change facets, as {@link ArticleEdits#of} reads a history.
 *
 * @param at     when it was first seen
 * @param text   what it said
 * @param boring whether its change from the version before is only cosmetic (false for version 0)
 * @param change its notes and stealth verdict
 */
public record EditedVersion(Instant at, ArticleText text, boolean boring, VersionChange change) {
    public EditedVersion {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(change, "change");
    }
}
