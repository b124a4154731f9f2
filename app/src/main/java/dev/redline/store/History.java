package dev.redline.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.List;

/**
 * An article's versions in the exchange shape of {@code redline history --format json},
 * {@code import} and {@code export}:
 * {@code {"url":S,"source":S,"versions":[{"n":N,"fetchedAt":ISO,"title":S,"byline":S|null,"paragraphs":[S],"boring":B}]}}.
 * Written with {@link dev.redline.json.Json#MAPPER}. Immutable.
 *
 * @param url      canonical URL
 * @param source   source name, or null
 * @param versions the versions, oldest first
 */
@JsonPropertyOrder({"url", "source", "versions"})
public record History(String url, String source, List<Entry> versions) {
    public History {
        versions = List.copyOf(versions);
    }

    /** One version; {@code n} is optional on import. */
    @JsonPropertyOrder({"n", "fetchedAt", "title", "byline", "paragraphs", "boring"})
    public record Entry(Integer n, Instant fetchedAt, String title, String byline, List<String> paragraphs, boolean boring) {
        public ArticleText text() {
            return new ArticleText(title, byline, paragraphs);
        }
    }

    public static History of(Article article, String sourceName, List<Version> versions) {
        return new History(article.url(), sourceName, versions.stream()
                .map(v -> new Entry(v.number(), v.fetchedAt(), v.text().title(), v.text().byline(), v.text().paragraphs(), v.boring()))
                .toList());
    }
}
