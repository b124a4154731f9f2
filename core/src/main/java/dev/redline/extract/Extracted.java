package dev.redline.extract;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Extractor} found on one page. Immutable and thread-safe.
 *
 * <p>The {@link #verdict()} says whether the page is the article (however short: a one-line stub
 * is an article) or something standing in its place, with the reason; callers decide on it, not on
 * a word count. The body is kept whichever the verdict, so a caller can show what the page held.
 * Metadata (title, dates, ...) is filled in when the page declared it.
 *
 * @param url       the page's canonical URL when it declares one, else the URL it was fetched from
 *                  (null when neither is known)
 * @param title     the headline, or null
 * @param byline    the author names as one line ("Ann Lee and Bo Chan"), or null
 * @param published when the page says it was first published, or null
 * @param modified  when the page says it was last changed, or null
 * @param language  the page's language tag ("en", "pt-BR"), or null
 * @param blocks    the body in reading order, each block marked as what it is (may be empty)
 * @param verdict   whether the page is the article, and if not why
 */
public record Extracted(String url, String title, String byline, Instant published, Instant modified,
                        String language, List<TextBlock> blocks, PageVerdict verdict) {

    public Extracted {
        blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
        Objects.requireNonNull(verdict, "verdict");
        if (verdict.isArticle() && blocks.isEmpty()) {
            throw new IllegalArgumentException("an article has body text");
        }
    }

    /** The body as paragraphs, one per block, in order: the text Redline compares and stores. */
    public List<String> paragraphs() {
        return blocks.stream().map(TextBlock::text).toList();
    }

    /** Whether the page is the article ({@link PageVerdict#isArticle()}). */
    public boolean found() {
        return verdict.isArticle();
    }

    /** Why the page is not the article; null when it is. */
    public String reason() {
        return verdict.reason();
    }

    /** The body as one string, paragraphs separated by newlines ("" when there is none). */
    public String text() {
        return String.join("\n", paragraphs());
    }

    /** Words of body text, counting each ideograph of unspaced scripts as a word. */
    public int words() {
        int n = 0;
        for (TextBlock b : blocks) {
            n += Boilerplate.words(b.text());
        }
        return n;
    }

    /** The article as Redline compares and stores it. */
    public ArticleText toArticleText() {
        return new ArticleText(title, byline, paragraphs());
    }
}
