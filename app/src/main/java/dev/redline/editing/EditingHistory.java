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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what kind of changes articles had from their stored history: each version's notes and
 * stealth verdict ({@link Changes}), headline tests over versions and flip-flops
 * ({@link HeadlineTests}), unpublishing events, and a source's {@link EditingRecord}. Entry point of
 * {@code dev.redline.editing}. Each version's notes and stealth verdict are read from the facets
 * {@link ChangeFacets} stored when it was recorded (tracked and imported alike), or worked out from
 * the stored versions when missing, with the same result (the diffs read the versions' kept
 * sentence splits, {@link dev.redline.store.SplitStore}); a better detector bumps
 * {@link ChangeFacets#RULES}, so it applies to old versions too. Thread-safe (the store is).
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
        return changes(article, versions, store.changes(article.id(), ChangeFacets.RULES), store.events(article.id()), now);
    }

    /** The history read from its parts: versions by number, their stored facets by version id, events oldest first. */
    private ArticleChanges changes(Article article, List<Version> versions, Map<Long, VersionChange> stored,
                                   List<ArticleEvent> allEvents, Instant now) {
        List<ArticleText> texts = versions.stream().map(Version::text).toList();
        List<SplitText> splits = null;
        List<VersionChange> changes = new ArrayList<>(versions.size());
        for (Version v : versions) {
            VersionChange change = stored.get(v.id());
            int n = v.number();
            if (change == null && n > 0) {
                // recorded before facets were stored (not backfilled yet): worked out here, as the analyser would;
                // the stored splits give the same diffs as Changes.of(texts), which the Spark stats job runs
                splits = splits != null ? splits : store.splits().splits(versions);
                change = Changes.between(versions.get(n - 1).text(), v.text(), Diff.compare(splits.get(n - 1), splits.get(n), null, null));
            }
            changes.add(change != null ? change : Changes.first(v.text()));
        }
        Set<String> headlines = new HashSet<>();
        texts.forEach(t -> headlines.add(Normalize.key(t.title())));
        // a feed may name a headline before the page shows it: a teaser that became a version's headline is none
        List<ArticleEvent> events = allEvents.stream()
                .filter(e -> e.kind() != EventKind.TEASER || e.detail() == null || !headlines.contains(Normalize.key(e.detail())))
                .toList();
        List<Sighting> flipFlops = HistoryEvent.flipFlops(ArticleChanges.read(events), texts);
        List<Sighting> sightings = new ArrayList<>(flipFlops);
        versions.forEach(v -> sightings.add(new Sighting(v.fetchedAt(), v.text())));
        return new ArticleChanges(article, versions, changes, HeadlineTests.find(sightings, now), events);
    }

    /**
     * The editing record of {@code source} over all its articles, read a page at a time in id order
     * (keyset paging, so appends while it reads neither skip nor repeat an article), three queries
     * per page of articles rather than three per article.
     */
    public EditingRecord source(Source source, Instant now) {
        return source(source, now, new SourceReading());
    }

    /**
     * {@link #source(Source, Instant)}, reading again only the articles that changed since
     * {@code reading} last saw them (a new version or event): the source page's record after a new
     * version costs one article's history, not the source's hundred thousand versions. Each page
     * of articles costs two queries (the articles, their events) when nothing in it changed.
     *
     * @param reading what the last reading of this source found; updated here
     */
    public EditingRecord source(Source source, Instant now, SourceReading reading) {
        List<ArticleEdits> edits = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Article> page = store.sourceArticlesAfter(source.id(), after, PAGE);
            Map<Long, List<ArticleEvent>> events = store.eventsOf(page.stream().map(Article::id).toList());
            List<Article> changed = page.stream().filter(a -> !reading.current(a, events.getOrDefault(a.id(), List.of()))).toList();
            if (!changed.isEmpty()) {
                List<Long> ids = changed.stream().map(Article::id).toList();
                // headlines, times and stored facets are all a record reads, unless a headline test is
                // possible (its bodies are compared) or facets are missing (worked out from the texts)
                Map<Long, List<Version>> heads = store.versionHeadsOf(ids);
                Map<Long, VersionChange> stored = store.changesOfArticles(ids, ChangeFacets.RULES);
                Map<Long, List<Version>> whole = store.versionsOf(changed.stream()
                        .filter(a -> needsBodies(heads.getOrDefault(a.id(), List.of()), stored, events.getOrDefault(a.id(), List.of())))
                        .map(Article::id).toList());
                for (Article a : changed) {
                    List<Version> history = whole.getOrDefault(a.id(), heads.getOrDefault(a.id(), List.of()));
                    List<ArticleEvent> own = events.getOrDefault(a.id(), List.of());
                    reading.keep(a, own, history.isEmpty() ? null : changes(a, history, stored, own, now).edits(now));
                }
            }
            for (Article a : page) {
                ArticleEdits e = reading.edits(a.id());
                if (e != null) {
                    edits.add(e);
                }
            }
            if (page.size() < PAGE) {
                return EditingRecord.of(source.name(), edits);
            }
            after = page.getLast().id();
        }
    }

    /**
     * Whether a history read without bodies ({@code heads}) would give a different record than with
     * them: a version after the first has no stored facets, or its headlines make a headline test
     * possible ({@link HeadlineTests#possible}, over the same sightings {@link #changes} reads).
     */
    private static boolean needsBodies(List<Version> heads, Map<Long, VersionChange> stored, List<ArticleEvent> events) {
        if (heads.stream().anyMatch(v -> v.number() > 0 && !stored.containsKey(v.id()))) {
            return true;
        }
        List<Sighting> sightings = new ArrayList<>(HistoryEvent.flipFlops(ArticleChanges.read(events),
                heads.stream().map(Version::text).toList()));
        heads.forEach(v -> sightings.add(new Sighting(v.fetchedAt(), v.text())));
        return HeadlineTests.possible(sightings);
    }

    /**
     * What one reading of a source found per article: its edits and the version and event counts
     * they were read at (versions and events are append-only, so equal counts mean the same
     * history). Not thread-safe: one reading of a source at a time.
     */
    public static final class SourceReading {
        private record Kept(int versions, int events, ArticleEdits edits) {
        }

        private final Map<Long, Kept> articles = new HashMap<>();

        boolean current(Article a, List<ArticleEvent> events) {
            Kept k = articles.get(a.id());
            return k != null && k.versions() == a.versionCount() && k.events() == events.size();
        }

        void keep(Article a, List<ArticleEvent> events, ArticleEdits edits) {
            articles.put(a.id(), new Kept(a.versionCount(), events.size(), edits));
        }

        ArticleEdits edits(long articleId) {
            Kept k = articles.get(articleId);
            return k == null ? null : k.edits();
        }
    }
}
