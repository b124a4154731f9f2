package dev.redline.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.List;

/**
 * An article's versions, status and events in the exchange shape of {@code redline history --format json},
 * {@code import}, {@code export} and the web's {@code /articles/{id}/history.json}:
 * {@code {"url":S,"source":S,"status":S,"versions":[{"n":N,"fetchedAt":ISO,"title":S,"byline":S|null,"paragraphs":[S],"boring":B}],
 * "events":[{"at":ISO,"kind":S,"detail":S|null}]}}.
 * Written with {@link dev.redline.json.Json#MAPPER}. Immutable.
 *
 * @param url      canonical URL
 * @param source   source name, or null
 * @param status   the article's status ({@link ArticleStatus}), or null where an imported file does not say
 * @param versions the versions, oldest first
 * @param events   what else happened to it ({@link ArticleEvent}), oldest first; never null
 */
@JsonPropertyOrder({"url", "source", "status", "versions", "events"})
public record History(String url, String source, ArticleStatus status, List<Entry> versions, List<Event> events) {
    public History {
        versions = List.copyOf(versions);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** One event: when, which kind (its wire name), and the kind's detail or null. */
    @JsonPropertyOrder({"at", "kind", "detail"})
    public record Event(Instant at, EventKind kind, String detail) {
        public ArticleEvent of(long articleId) {
            return new ArticleEvent(articleId, at, kind, detail);
        }
    }

    /** One version; {@code n} is optional on import. */
    @JsonPropertyOrder({"n", "fetchedAt", "title", "byline", "paragraphs", "boring"})
    public record Entry(Integer n, Instant fetchedAt, String title, String byline, List<String> paragraphs, boolean boring) {
        public ArticleText text() {
            return new ArticleText(title, byline, paragraphs);
        }
    }

    public static History of(Article article, String sourceName, List<Version> versions, List<ArticleEvent> events) {
        return new History(article.url(), sourceName, article.status(), versions.stream()
                .map(v -> new Entry(v.number(), v.fetchedAt(), v.text().title(), v.text().byline(), v.text().paragraphs(), v.boring()))
                .toList(), events.stream().map(e -> new Event(e.at(), e.kind(), e.detail())).toList());
    }
}
