package dev.redline.extract;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Extractor} found on one page. Immutable and thread-safe.
 *
 * <p>When {@link #found()} is false the page held no article (empty, a section front, an error
 * page): {@link #paragraphs()} is then empty and {@link #reason()} says why, so callers never
 * mistake a fragment for an article. Metadata (title, dates, ...) is still filled in when the page
 * declared it.
 *
 * @param url        the page's canonical URL when it declares one, else the URL it was fetched from
 *                   (null when neither is known)
 * @param title      the headline, or null
 * @param byline     the author names as one line ("Ann Lee and Bo Chan"), or null
 * @param published  when the page says it was first published, or null
 * @param modified   when the page says it was last changed, or null
 * @param language   the page's language tag ("en", "pt-BR"), or null
 * @param paragraphs the body in reading order: one entry per paragraph, subheading or list item
 * @param found      whether an article body was found
 * @param reason     why no article was found; null when {@code found}
 */
public record Extracted(String url, String title, String byline, Instant published, Instant modified,
                        String language, List<String> paragraphs, boolean found, String reason) {

    public Extracted {
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
        if (found == paragraphs.isEmpty()) {
            throw new IllegalArgumentException("found must be true exactly when there are paragraphs");
        }
        if (!found) {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The body as one string, paragraphs separated by newlines ("" when nothing was found). */
    public String text() {
        return String.join("\n", paragraphs);
    }

    /** The article as Redline compares and stores it. */
    public ArticleText toArticleText() {
        return new ArticleText(title, byline, paragraphs);
    }
}
