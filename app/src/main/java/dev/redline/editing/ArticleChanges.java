package dev.redline.editing;

import dev.redline.change.ArticleEdits;
import dev.redline.change.EditedVersion;
import dev.redline.change.HeadlineTest;
import dev.redline.change.Sighting;
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
 *
 * @param flipFlops earlier texts shown again, as sightings (what headline tests count besides versions)
 */
public record ArticleChanges(Article article, List<Version> versions, List<VersionChange> changes,
                             List<HeadlineTest> headlineTests, List<ArticleEvent> events, List<Sighting> flipFlops) {
    public ArticleChanges {
        versions = List.copyOf(versions);
        changes = List.copyOf(changes);
        headlineTests = List.copyOf(headlineTests);
        events = List.copyOf(events);
        flipFlops = List.copyOf(flipFlops);
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

    /** What {@link dev.redline.change.EditingRecord} counts of this article; null before its first version. */
    public ArticleEdits edits(Instant now) {
        if (versions.isEmpty()) {
            return null;
        }
        List<EditedVersion> edited = IntStream.range(0, versions.size())
                .mapToObj(k -> new EditedVersion(versions.get(k).fetchedAt(), versions.get(k).text(),
                        versions.get(k).boring(), changes.get(k)))
                .toList();
        ArticleEvent gone = unpublished();
        return ArticleEdits.of(edited, flipFlops, gone == null ? null : gone.at(), now);
    }
}
