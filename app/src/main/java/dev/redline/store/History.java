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
 * An article's versions in the exchange shape of {@code redline history --format json},
 * {@code import} and {@code export}:
 * {@code {"url":S,"source":S,"versions":[{"n":N,"fetchedAt":ISO,"title":S,"byline":S|null,"paragraphs":[S],"boring":B}]}}.
 * {@code history} adds what kind of change each version made ({@code notes}, {@code stealth},
 * {@code facts}), the article's {@code headlineTests} and its {@code events}; import ignores them
 * (the recording path works them out again), export leaves them out. Written with
 * {@link dev.redline.json.Json#MAPPER}. Immutable.
 *
 * @param url           canonical URL
 * @param source        source name, or null
 * @param versions      the versions, oldest first
 * @param headlineTests the headline tests over the versions, or null when not worked out (export, import)
 * @param events        what else happened to the article, oldest first, or null when not listed
 */
@JsonPropertyOrder({"url", "source", "versions", "headlineTests", "events"})
public record History(String url, String source, List<Entry> versions,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<HeadlineTest> headlineTests,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> events) {
    public History {
        versions = List.copyOf(versions);
        headlineTests = headlineTests == null ? null : List.copyOf(headlineTests);
        events = events == null ? null : List.copyOf(events);
    }

    /** The exchange shape alone, without change kinds. */
    public History(String url, String source, List<Entry> versions) {
        this(url, source, versions, null, null);
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

    /** Something that happened to the article other than a version: {@code gone}, {@code unpublished}, {@code flip-flop}, … */
    public record Event(Instant at, String kind, String detail) {
    }

    public static History of(Article article, String sourceName, List<Version> versions) {
        return new History(article.url(), sourceName, versions.stream().map(v -> entry(v, null)).toList());
    }

    /**
     * The history with change kinds: {@code changes} holds one entry per version, index for index.
     */
    public static History of(Article article, String sourceName, List<Version> versions, List<VersionChange> changes,
                             List<HeadlineTest> headlineTests, List<ArticleEvent> events) {
        if (changes.size() != versions.size()) {
            throw new IllegalArgumentException(changes.size() + " change kinds for " + versions.size() + " versions");
        }
        return new History(article.url(), sourceName,
                IntStream.range(0, versions.size()).mapToObj(k -> entry(versions.get(k), changes.get(k))).toList(), headlineTests,
                events.stream().map(e -> new Event(e.at(), e.kind().toString(), e.detail())).toList());
    }

    private static Entry entry(Version v, VersionChange change) {
        ArticleText t = v.text();
        return change == null ? new Entry(v.number(), v.fetchedAt(), t.title(), t.byline(), t.paragraphs(), v.boring())
                : new Entry(v.number(), v.fetchedAt(), t.title(), t.byline(), t.paragraphs(), v.boring(), change.notes(),
                        change.stealth(), change.stealth() ? change.facts() : null);
    }
}
