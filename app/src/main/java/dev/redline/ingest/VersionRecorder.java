package dev.redline.ingest;

import dev.redline.article.ArticleText;
import dev.redline.change.HistoryEvent;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.SplitText;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStore;
import dev.redline.store.EventKind;
import dev.redline.store.FieldHashes;
import dev.redline.store.NewVersion;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path that records a version, for the tracker and for import alike: which fields changed
 * ({@link FieldHashes}), whether the change is boring ({@link Diff}), the append itself, and then
 * every {@link VersionAnalyser} (trace indexing and reuse detection today) on the stored version.
 * Entry point of {@code dev.redline.ingest}.
 *
 * <p>The two inputs differ only in policy. A tracked page ({@link #record}) is compared with the
 * latest version: an unchanged text stores nothing, and the text of an earlier version coming back
 * is a flip-flop, noted as an event, and so is the latest text coming back after one (so a headline
 * A/B test leaves a trace of every turn). The tracker records a round's checks in {@link Slice}s (the
 * same decision, the writes of several checks committed together); {@link #record} is a slice of
 * one. An archived history ({@link #recordHistory}) is the record of
 * what was seen, so every entry not stored yet is kept as it is, in one transaction, with the
 * archive's own boring judgement winning over ours.
 *
 * <p>Thread-safe: it holds no mutable state, and the store serialises appends per article.
 */
public final class VersionRecorder {
    private static final Logger log = LoggerFactory.getLogger(VersionRecorder.class);

    private final Store store;
    private final List<VersionAnalyser> analysers;

    /** A recorder running {@code analysers}, in this order, on every stored version. */
    public VersionRecorder(Store store, List<VersionAnalyser> analysers) {
        this.store = Objects.requireNonNull(store, "store");
        this.analysers = List.copyOf(analysers);
    }

    /** A recorder without analysers (tests, tools that only store). */
    public VersionRecorder(Store store) {
        this(store, List.of());
    }

    /**
     * Records what the tracker saw on an article's page, at once (a slice of one; the tracker
     * records a round's checks in {@link #slice}s).
     *
     * @param article the article as claimed (its version count says which version is latest)
     */
    public Recorded record(Article article, Observation seen) {
        Slice slice = slice("recorder");
        Recorded recorded = slice.record(article, seen);
        List<Version> stored = slice.commit();
        return recorded instanceof Recorded.Queued ? new Recorded.Stored(stored.getFirst()) : recorded;
    }

    /** A slice of checks whose writes are committed together ({@link Slice#commit}), for the worker {@code workerId}. */
    public Slice slice(String workerId) {
        return new Slice(this, workerId);
    }

    /**
     * What a tracked observation means, before anything is written.
     *
     * @param recorded  the answer to give
     * @param version   the version to append, or null
     * @param previous  the latest stored version (what {@code version} follows), or null
     * @param flipFlop  the flip-flop event to note, or null
     * @param split     the split of {@code version}'s text made for the boring verdict, or null
     */
    record Decision(Recorded recorded, NewVersion version, Version previous, ArticleEvent flipFlop, SplitText split) {
    }

    /**
     * The tracker's rules: an unchanged text stores nothing, the text of an earlier version coming
     * back is a flip-flop (and so is the latest coming back after one), anything else is the next
     * version. Reads the stored history; writes nothing.
     */
    Decision decide(Article article, Observation seen) {
        if (article.versionCount() == 0) {
            NewVersion first = derive(null, null, seen, null, null);
            return new Decision(new Recorded.Queued(first), first, null, null, null);
        }
        Version latest = store.version(article.id(), article.versionCount() - 1).orElseThrow(() ->
                new IllegalStateException("article " + article.id() + " lacks version " + (article.versionCount() - 1)));
        // the latest version's kept split; the page's text is split only when it changed, and that
        // split goes with the new version to the analysers, which keep it
        SplitText[] seenSplit = new SplitText[1];
        NewVersion next = derive(latest.text(), () -> store.splits().split(latest), seen,
                () -> seenSplit[0] = SplitText.of(seen.text()), null);
        if (next.changed().isEmpty() && !backFromFlipFlop(article, latest)) {
            return new Decision(new Recorded.Unchanged(), null, null, null, null);
        }
        // the stored hashes of every version say whether the text was seen before, without reading the texts
        for (int earlier : store.versionsWithHashes(article.id(), FieldHashes.of(seen.text()))) {
            // the latest shown again counts only after a flip-flop (checked above): A/B/A/B is a headline test's record
            if (earlier != latest.number() || next.changed().isEmpty()) {
                ArticleEvent event = new ArticleEvent(article.id(), seen.fetchedAt(), EventKind.FLIP_FLOP,
                        HistoryEvent.flipFlopDetail(earlier, latest.number()));
                return new Decision(new Recorded.FlipFlop(earlier, latest.number()), null, null, event, null);
            }
        }
        return new Decision(new Recorded.Queued(next), next, latest, null, seenSplit[0]);
    }

    /**
     * Whether the page, showing the latest version's text, comes back to it from an earlier version
     * (the newest flip-flop after the latest version showed another one). Only then is the latest
     * shown again worth an event; otherwise it is just unchanged.
     */
    private boolean backFromFlipFlop(Article article, Version latest) {
        if (article.versionCount() < 2) {
            return false;
        }
        ArticleEvent last = null;
        for (ArticleEvent e : store.events(article.id())) {
            if (e.kind() == EventKind.FLIP_FLOP && e.at().isAfter(latest.fetchedAt())) {
                last = e;
            }
        }
        return last != null && last.detail() != null
                && !last.detail().startsWith("the page shows version " + latest.number() + " again");
    }

    /** One entry of an archived history: what was seen, and the archive's boring flag or null. */
    public record Archived(Observation seen, Boolean boring) {
    }

    /**
     * Records an archived history of the article at {@code canonicalUrl} (created when new, settled):
     * the entries not stored yet are appended in one transaction; nothing is written when one
     * conflicts with the stored history.
     *
     * @param sourceId the source to attach the article to, or null
     * @return the versions appended, oldest first (empty when all were stored already)
     * @throws dev.redline.error.Conflict when an entry is older than the stored history and not in it
     */
    public List<Version> recordHistory(String canonicalUrl, Long sourceId, List<Archived> entries) {
        return recordHistories(List.of(new ArchivedHistory(canonicalUrl, sourceId, entries))).getFirst();
    }

    /**
     * One article's archived history for {@link #recordHistories}.
     *
     * @param sourceId the source to attach the article to, or null
     */
    public record ArchivedHistory(String canonicalUrl, Long sourceId, List<Archived> entries) {
        public ArchivedHistory {
            entries = List.copyOf(entries);
        }
    }

    /**
     * {@link #recordHistory} for many articles with one store transaction (bulk loads, the archive
     * generator): nothing is written when any history conflicts; the analysers then see every
     * appended version, article by article, oldest first.
     *
     * @return the versions appended, one list per history in the given order
     * @throws dev.redline.error.Conflict when an entry is older than its stored history and not in it
     */
    public List<List<Version>> recordHistories(List<ArchivedHistory> histories) {
        List<ArticleStore.HistoryImport> imports = new ArrayList<>(histories.size());
        Map<ArticleText, SplitText> made = new HashMap<>(); // each entry's split, for the analysers
        // one look-up for the batch (a bulk load on PostgreSQL was bound by round trips, one per article here)
        Map<String, Article> known = store.articlesByUrl(histories.stream().map(ArchivedHistory::canonicalUrl).toList());
        for (ArchivedHistory history : histories) {
            Version stored = Optional.ofNullable(known.get(history.canonicalUrl()))
                    .filter(a -> a.versionCount() > 0)
                    .flatMap(a -> store.version(a.id(), a.versionCount() - 1))
                    .orElse(null);
            // Each entry is judged against the one before it; the first against the newest stored version.
            ArticleText previous = stored == null ? null : stored.text();
            SplitText previousSplit = stored == null ? null : store.splits().split(stored);
            List<NewVersion> versions = new ArrayList<>(history.entries().size());
            for (Archived entry : history.entries()) {
                SplitText split = SplitText.of(entry.seen().text());
                made.put(entry.seen().text(), split);
                SplitText before = previousSplit;
                versions.add(derive(previous, () -> before, entry.seen(), () -> split, entry.boring()));
                previous = entry.seen().text();
                previousSplit = split;
            }
            imports.add(new ArticleStore.HistoryImport(history.canonicalUrl(), history.sourceId(), versions));
        }
        List<List<Version>> appended = store.importHistories(imports);
        List<Recording> recordings = new ArrayList<>();
        for (List<Version> versions : appended) {
            Version before = versions.isEmpty() || versions.getFirst().number() == 0 ? null
                    : store.version(versions.getFirst().articleId(), versions.getFirst().number() - 1).orElse(null);
            for (Version version : versions) {
                recordings.add(new Recording(version, before, Recording.Origin.IMPORTED, made.get(version.text())));
                before = version;
            }
        }
        analyse(recordings);
        return appended;
    }

    /**
     * The version to store after {@code previous} (null for version 0, with null splits), compared
     * through the two splits (asked for only when a field changed). A {@code statedBoring} flag that
     * disagrees with our rule wins, without our rule's reason (it would not explain it).
     */
    private static NewVersion derive(ArticleText previous, Supplier<SplitText> previousSplit, Observation seen,
                                     Supplier<SplitText> seenSplit, Boolean statedBoring) {
        Set<VersionField> changed = previous == null ? Set.of() : FieldHashes.changedFields(previous, seen.text());
        boolean boring = false;
        String reason = null;
        if (!changed.isEmpty()) {
            DiffResult diff = Diff.compare(previousSplit.get(), seenSplit.get(), null, null);
            boring = diff.boring();
            reason = diff.boringReason();
        }
        if (statedBoring != null && statedBoring != boring) {
            boring = statedBoring;
            reason = null;
        }
        return new NewVersion(seen.fetchedAt(), seen.text(), changed, boring, reason, seen.captureRef());
    }

    /** The store this recorder writes to (for its slices). */
    Store store() {
        return store;
    }

    /** Runs every analyser on a stored version; an analyser's failure is logged, never thrown. */
    void analyse(Recording recording) {
        analyse(List.of(recording));
    }

    /** Runs every analyser on stored versions, in order, in one call each (a slice's or an import's). */
    void analyse(List<Recording> recordings) {
        if (recordings.isEmpty()) {
            return;
        }
        for (VersionAnalyser analyser : analysers) {
            try {
                analyser.analyseAll(recordings);
            } catch (RuntimeException e) {
                // the versions are committed; an analyser's failure must neither undo nor hide that
                Version first = recordings.getFirst().version();
                log.warn("analyser {} failed on {} version(s) from version {} of article {}", analyser, recordings.size(),
                        first.number(), first.articleId(), e);
            }
        }
    }
}
