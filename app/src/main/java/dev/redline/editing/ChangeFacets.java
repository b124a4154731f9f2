package dev.redline.editing;

import dev.redline.change.Changes;
import dev.redline.diff.Diff;
import dev.redline.diff.SplitText;
import dev.redline.change.VersionChange;
import dev.redline.ingest.Recording;
import dev.redline.ingest.VersionAnalyser;
import dev.redline.store.ChangeStore;
import dev.redline.store.Store;
import dev.redline.store.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Works out each version's change facets (notes, stealth verdict, facts: core's {@link Changes}) once,
 * when it is recorded, and stores them ({@link ChangeStore}), so reading a history needs no diff per
 * version. A {@link VersionAnalyser} on the recording path, tracked and imported versions alike, and
 * the {@link #backfill} of stores (or versions) recorded before it. What is stored is exactly what
 * {@link #of} computes at read time, so a stored and a computed facet never differ. Thread-safe.
 */
public final class ChangeFacets implements VersionAnalyser {
    /**
     * The detectors' rules number: bump it when core's change detectors find something else, and
     * every facet stored under the old number counts as missing (recomputed on read, refilled by the
     * backfill).
     */
    public static final int RULES = 1;
    /** Articles per backfill transaction. */
    private static final int BACKFILL_PAGE = 200;

    private final Store store;

    public ChangeFacets(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The facets of {@code version}, given the version before it (null for version 0). */
    public static VersionChange of(Version version, Version previous) {
        return previous == null ? Changes.first(version.text()) : Changes.between(previous.text(), version.text());
    }

    @Override
    public void analyse(Recording recording) {
        analyseAll(List.of(recording));
    }

    /** One transaction for a batch of recorded versions (imports record many at once). */
    @Override
    public void analyseAll(List<Recording> recordings) {
        List<ChangeStore.StoredChange> rows = new ArrayList<>(recordings.size());
        for (Recording r : recordings) {
            Version v = r.version();
            rows.add(new ChangeStore.StoredChange(v.id(), v.articleId(), RULES, of(v, r.previous())));
        }
        store.saveChanges(rows);
    }

    /**
     * Stores the facets every stored version lacks (stores from before facets were kept, or after a
     * change of {@link #RULES}), article by article in id order (keyset paging, so versions recorded
     * meanwhile are no trouble: the recorder stores theirs). Each page of articles is read in three
     * queries, diffed from the versions' kept sentence splits (splitting and keeping those that have
     * none) on {@code threads} threads, and its facets written in one
     * transaction.
     *
     * @param threads      how many threads work out facets (the machine's cores, say)
     * @param articlesDone told how many articles were filled after each batch
     * @return how many versions got facets
     */
    public long backfill(int threads, LongConsumer articlesDone) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("reanalyse-", 0).daemon().factory());
        try {
            long filled = 0;
            long after = 0;
            while (true) {
                List<Long> articles = store.articlesLackingChanges(after, RULES, BACKFILL_PAGE);
                if (articles.isEmpty()) {
                    return filled;
                }
                Map<Long, List<Version>> versions = store.versionsOf(articles);
                Map<Long, VersionChange> stored = store.changesOfArticles(articles, RULES);
                List<Future<List<ChangeStore.StoredChange>>> parts = new ArrayList<>();
                int slice = (articles.size() + threads - 1) / threads;
                for (int from = 0; from < articles.size(); from += slice) {
                    List<List<Version>> histories = articles.subList(from, Math.min(articles.size(), from + slice)).stream()
                            .map(id -> versions.getOrDefault(id, List.of())).toList();
                    parts.add(pool.submit(() -> missing(histories, stored)));
                }
                List<ChangeStore.StoredChange> rows = new ArrayList<>();
                for (Future<List<ChangeStore.StoredChange>> part : parts) {
                    rows.addAll(part.get());
                }
                store.saveChanges(rows);
                filled += rows.size();
                articlesDone.accept(articles.size());
                after = articles.getLast();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reanalyse interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The facets the versions of these histories lack, worked out from their kept splits (as {@link EditingHistory} would). */
    private List<ChangeStore.StoredChange> missing(List<List<Version>> histories, Map<Long, VersionChange> stored) {
        List<Version> all = histories.stream().flatMap(List::stream).toList();
        if (all.stream().allMatch(v -> stored.containsKey(v.id()))) {
            return List.of();
        }
        List<SplitText> splits = store.splits().splitsKeepingMissing(all);
        List<ChangeStore.StoredChange> rows = new ArrayList<>();
        int at = 0;
        for (List<Version> history : histories) {
            for (Version v : history) {
                if (!stored.containsKey(v.id())) {
                    int n = v.number();
                    VersionChange change = n == 0 ? Changes.first(v.text())
                            : Changes.between(history.get(n - 1).text(), v.text(),
                                    Diff.compare(splits.get(at + n - 1), splits.get(at + n), null, null));
                    rows.add(new ChangeStore.StoredChange(v.id(), v.articleId(), RULES, change));
                }
            }
            at += history.size();
        }
        return rows;
    }

    @Override
    public String toString() {
        return "change facets";
    }
}
