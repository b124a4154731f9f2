package dev.redline.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.redline.article.ArticleText;
import dev.redline.change.Fact;
import dev.redline.change.HeadlineTest;
import dev.redline.change.Note;
import dev.redline.change.VersionChange;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An article's versions, status and events in the exchange shape of {@code redline history --format json},
 * {@code import}, {@code export} and the web's {@code /articles/{id}/history.json}:
 * {@code {"url":S,"source":S,"status":S,"versions":[{"n":N,"fetchedAt":ISO,"title":S,"byline":S|null,"paragraphs":[S],"boring":B}],
 * "events":[{"at":ISO,"kind":S,"detail":S|null}]}}.
 * {@code history} adds what kind of change each version made ({@code notes}, {@code stealth},
 * {@code facts}) and the article's {@code headlineTests}; import ignores them (the recording path
 * works them out again), export leaves them out. Written with {@link dev.redline.json.Json#MAPPER}.
 * Immutable.
 *
 * @param url           canonical URL
 * @param source        source name, or null
 * @param status        the article's status ({@link ArticleStatus}), or null where an imported file does not say
 * @param versions      the versions, oldest first
 * @param headlineTests the headline tests over the versions, or null when not worked out (export, import)
 * @param events        what else happened to it ({@link ArticleEvent}), oldest first; never null
 */
@JsonPropertyOrder({"url", "source", "status", "versions", "headlineTests", "events"})
public record History(String url, String source, ArticleStatus status, List<Entry> versions,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<HeadlineTest> headlineTests,
                      List<Event> events) {
    public History {
        versions = List.copyOf(versions);
        headlineTests = headlineTests == null ? null : List.copyOf(headlineTests);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The exchange shape without change kinds (export, import). */
    public History(String url, String source, ArticleStatus status, List<Entry> versions, List<Event> events) {
        this(url, source, status, versions, null, events);
    }

    /** One event: when, which kind (its wire name), and the kind's detail or null. */
    @JsonPropertyOrder({"at", "kind", "detail"})
    public record Event(Instant at, EventKind kind, String detail) {
        public ArticleEvent of(long articleId) {
            return new ArticleEvent(articleId, at, kind, detail);
        }
    }

    /**
     * One version; {@code n} is optional on import.
     *
     * @param notes   the notes this version added, or null when not worked out
     * @param stealth whether it changed facts without a note, or null when not worked out
     * @param facts   the facts it changed, only when {@code stealth} is true (else null)
     */
    @JsonPropertyOrder({"n", "fetchedAt", "title", "byline", "paragraphs", "boring", "notes", "stealth", "facts"})
    public record Entry(Integer n, Instant fetchedAt, String title, String byline, List<String> paragraphs, boolean boring,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Note> notes,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stealth,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Fact> facts) {
        public Entry(Integer n, Instant fetchedAt, String title, String byline, List<String> paragraphs, boolean boring) {
            this(n, fetchedAt, title, byline, paragraphs, boring, null, null, null);
        }

        public ArticleText text() {
            return new ArticleText(title, byline, paragraphs);
        }
    }

    /** The exchange shape of a stored article (export, downloads): versions, status and events. */
    public static History of(Article article, String sourceName, List<Version> versions, List<ArticleEvent> events) {
        return new History(article.url(), sourceName, article.status(), versions.stream().map(v -> entry(v, null)).toList(),
                events(events));
    }

    /**
     * The history with change kinds: {@code changes} holds one entry per version, index for index.
     */
    public static History of(Article article, String sourceName, List<Version> versions, List<VersionChange> changes,
                             List<HeadlineTest> headlineTests, List<ArticleEvent> events) {
        if (changes.size() != versions.size()) {
            throw new IllegalArgumentException(changes.size() + " change kinds for " + versions.size() + " versions");
        }
        return new History(article.url(), sourceName, article.status(),
                IntStream.range(0, versions.size()).mapToObj(k -> entry(versions.get(k), changes.get(k))).toList(),
                headlineTests, events(events));
    }

    private static List<Event> events(List<ArticleEvent> events) {
        return events.stream().map(e -> new Event(e.at(), e.kind(), e.detail())).toList();
    }

    private static Entry entry(Version v, VersionChange change) {
        ArticleText t = v.text();
        return change == null ? new Entry(v.number(), v.fetchedAt(), t.title(), t.byline(), t.paragraphs(), v.boring())
                : new Entry(v.number(), v.fetchedAt(), t.title(), t.byline(), t.paragraphs(), v.boring(), change.notes(),
                        change.stealth(), change.stealth() ? change.facts() : null);
    }
}
