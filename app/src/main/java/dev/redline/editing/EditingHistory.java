package dev.redline.editing;

import dev.redline.article.ArticleText;
import dev.redline.change.ArticleEdits;
import dev.redline.change.Changes;
import dev.redline.change.EditingRecord;
import dev.redline.change.HeadlineTests;
import dev.redline.change.HistoryEvent;
import dev.redline.change.Sighting;
import dev.redline.change.VersionChange;
import dev.redline.diff.Diff;
import dev.redline.diff.SplitText;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.text.Normalize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what kind of changes articles had from their stored history: each version's notes and
 * stealth verdict ({@link Changes}), headline tests over versions and flip-flops
 * ({@link HeadlineTests}), unpublishing events, and a source's {@link EditingRecord}. Entry point of
 * {@code dev.redline.editing}. The verdicts are worked out from the stored versions, so tracked and
 * imported histories get the same, and a better detector applies to old versions too; the diffs
 * read the versions' kept sentence splits ({@link dev.redline.store.SplitStore}). Thread-safe
 * (the store is).
 */
public final class EditingHistory {
    /** Event kinds that mean the article was taken down (core's {@link HistoryEvent#TAKEN_DOWN}, by wire name). */
    public static final Set<EventKind> UNPUBLISHED = Arrays.stream(EventKind.values())
            .filter(k -> HistoryEvent.TAKEN_DOWN.contains(k.toString())).collect(Collectors.toUnmodifiableSet());
    /** Articles read per store query when a whole source is read. */
    private static final int PAGE = 200;

    private final Store store;

    public EditingHistory(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** One article's history with its change kinds, headline tests and events. */
    public ArticleChanges article(Article article, Instant now) {
        List<Version> versions = store.versions(article.id());
        List<ArticleText> texts = versions.stream().map(Version::text).toList();
        // the stored splits give the same diffs as Changes.of(texts), which the Spark stats job runs
        List<SplitText> splits = store.splits().splits(versions);
        List<VersionChange> changes = new ArrayList<>(versions.size());
        for (Version v : versions) {
            int n = v.number();
            changes.add(n == 0 ? Changes.first(v.text()) : Changes.between(versions.get(n - 1).text(), v.text(),
                    Diff.compare(splits.get(n - 1), splits.get(n), null, null)));
        }
        Set<String> headlines = new HashSet<>();
        texts.forEach(t -> headlines.add(Normalize.key(t.title())));
        // a feed may name a headline before the page shows it: a teaser that became a version's headline is none
        List<ArticleEvent> events = store.events(article.id()).stream()
                .filter(e -> e.kind() != EventKind.TEASER || e.detail() == null || !headlines.contains(Normalize.key(e.detail())))
                .toList();
        List<Sighting> flipFlops = HistoryEvent.flipFlops(ArticleChanges.read(events), texts);
        List<Sighting> sightings = new ArrayList<>(flipFlops);
        versions.forEach(v -> sightings.add(new Sighting(v.fetchedAt(), v.text())));
        return new ArticleChanges(article, versions, changes, HeadlineTests.find(sightings, now), events);
    }

    /** The editing record of {@code source} over all its articles, read a page at a time. */
    public EditingRecord source(Source source, Instant now) {
        List<ArticleEdits> edits = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<Article> page = store.articles(source.id(), offset, PAGE);
            for (Article a : page) {
                ArticleEdits e = a.versionCount() == 0 ? null : article(a, now).edits(now);
                if (e != null) {
                    edits.add(e);
                }
            }
            if (page.size() < PAGE) {
                return EditingRecord.of(source.name(), edits);
            }
        }
    }
}
