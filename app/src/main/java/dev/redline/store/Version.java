package dev.redline.store;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.Set;

/**
 * One stored version of an article. Version numbers start at 0 and have no gaps.
 *
 * @param id           store id
 * @param articleId    the article
 * @param number       0, 1, 2, …
 * @param fetchedAt    when this text was first seen
 * @param text         headline, byline and paragraphs
 * @param changed      which fields differ from the previous version (empty for version 0)
 * @param boring       whether the change from the previous version is only cosmetic
 * @param boringReason the rule that judged it boring, or null
 * @param captureRef   where the raw HTTP response is archived ("file.warc.gz#offset"), or null
 */
public record Version(long id, long articleId, int number, Instant fetchedAt, ArticleText text,
                      Set<VersionField> changed, boolean boring, String boringReason, String captureRef) {
    public Version {
        changed = Set.copyOf(changed);
    }
}
