package dev.redline.extract;

import java.util.Objects;

/**
 * One distinct line of a page's body candidates (before clean-up), as a learning tracker counts
 * it across the articles of a source. Immutable.
 *
 * @param fingerprint {@link LearnedLines#fingerprint} of the text (never 0)
 * @param text        the line as on the page
 * @param learnable   whether the line may become the source's boilerplate: it lies outside the
 *                    article's main span (before its first or after its last full paragraph), or it
 *                    is a short non-heading line inside it. A full paragraph or a subheading inside
 *                    the span is the article's own text whatever it repeats, so a source that runs
 *                    the same story on many pages never learns that story's text; such lines are
 *                    reported (not learnable) only so that a copy of an article seen before can be
 *                    recognised and kept from teaching anything.
 */
public record PageLine(long fingerprint, String text, boolean learnable) {
    public PageLine {
        Objects.requireNonNull(text, "text");
        if (fingerprint == 0) {
            throw new IllegalArgumentException("a line without text has no fingerprint");
        }
    }
}
