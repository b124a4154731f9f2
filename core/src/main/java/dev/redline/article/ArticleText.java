package dev.redline.article;

import dev.redline.text.Normalize;
import java.util.List;
import java.util.Objects;

/**
 * The readable content of one version of a news article: what a reader sees and what Redline
 * compares. Immutable and thread-safe; never holds control characters, whatever the source page held.
 *
 * @param title      the headline, never null (may be empty when a page has none)
 * @param byline     the author line, or null when the page names no author
 * @param paragraphs the body in reading order, one entry per paragraph or subheading, never null
 */
public record ArticleText(String title, String byline, List<String> paragraphs) {

    /** Control characters are removed from every field (see {@link Normalize#printable}). */
    public ArticleText {
        title = Normalize.printable(Objects.requireNonNullElse(title, ""));
        byline = Normalize.printable(byline);
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs").stream().map(Normalize::printable).toList());
    }

    /** The body as one string, paragraphs separated by newlines. */
    public String bodyText() {
        return String.join("\n", paragraphs);
    }
}
