package dev.redline.change;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.Objects;

/**
 * One time a text was seen on an article's page: a stored version, or an earlier version shown
 * again (a flip-flop, which the tracker notes instead of storing the text twice).
 *
 * @param at   when it was seen
 * @param text what the page showed
 */
public record Sighting(Instant at, ArticleText text) {
    public Sighting {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
