package dev.redline.editing;

import dev.redline.change.ArticleEdits;
import dev.redline.change.EditedVersion;
import dev.redline.change.HeadlineTest;
import dev.redline.change.HistoryEvent;
import dev.redline.change.VersionChange;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.History;
import dev.redline.store.Version;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One article's history read for what kind of changes it had: each version's notes and stealth
 * verdict ({@code changes}, index for index with {@code versions}), its headline tests, and its
 * events, of which the first {@code gone} or {@code unpublished} says when it was taken down.
 * Immutable.
 */
public record ArticleChanges(Article article, List<Version> versions, List<VersionChange> changes,
                             List<HeadlineTest> headlineTests, List<ArticleEvent> events) {
    public ArticleChanges {
        versions = List.copyOf(versions);
        changes = List.copyOf(changes);
        headlineTests = List.copyOf(headlineTests);
        events = List.copyOf(events);
    }

    /** The change kinds of version {@code n}. */
    public VersionChange change(int n) {
        return changes.get(n);
    }

    /** The event that says the article was taken down, or null while it is up. */
    public ArticleEvent unpublished() {
        return events.stream().filter(e -> EditingHistory.UNPUBLISHED.contains(e.kind())).findFirst().orElse(null);
    }

    /** The headline test version {@code v} belongs to, or null. */
    public HeadlineTest headlineTest(Version v) {
        return headlineTests.stream()
                .filter(t -> !v.fetchedAt().isBefore(t.firstSeen()) && !v.fetchedAt().isAfter(t.lastSeen()))
                .findFirst().orElse(null);
    }

    /** The exchange shape with the change kinds ({@code redline history --format json}, the API). */
    public History history(String sourceName) {
        return History.of(article, sourceName, versions, changes, headlineTests, events);
    }

    /**
     * What {@link dev.redline.change.EditingRecord} counts of this article, read by core's
     * {@link ArticleEdits#of(List, List, Instant)} as the batch {@code stats} job reads it; null
     * before its first version.
     */
    public ArticleEdits edits(Instant now) {
        if (versions.isEmpty()) {
            return null;
        }
        List<EditedVersion> edited = IntStream.range(0, versions.size())
                .mapToObj(k -> new EditedVersion(versions.get(k).fetchedAt(), versions.get(k).text(),
                        versions.get(k).boring(), changes.get(k)))
                .toList();
        return ArticleEdits.of(edited, read(events), now);
    }

    /** Events as core's change detectors read them (kinds by wire name). */
    static List<HistoryEvent> read(List<ArticleEvent> events) {
        return events.stream().map(e -> new HistoryEvent(e.at(), e.kind().toString(), e.detail())).toList();
    }
}
