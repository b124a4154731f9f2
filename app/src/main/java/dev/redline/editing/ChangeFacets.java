package dev.redline.editing;

import dev.redline.change.Changes;
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
     * meanwhile are no trouble: the recorder stores theirs).
     *
     * @param articlesDone told how many articles were filled after each batch
     * @return how many versions got facets
     */
    public long backfill(LongConsumer articlesDone) {
        long filled = 0;
        long after = 0;
        while (true) {
            List<Long> articles = store.articlesLackingChanges(after, RULES, BACKFILL_PAGE);
            if (articles.isEmpty()) {
                return filled;
            }
            List<ChangeStore.StoredChange> rows = new ArrayList<>();
            for (long articleId : articles) {
                Map<Long, VersionChange> stored = store.changes(articleId, RULES);
                List<Version> versions = store.versions(articleId);
                for (Version v : versions) {
                    if (!stored.containsKey(v.id())) {
                        rows.add(new ChangeStore.StoredChange(v.id(), articleId, RULES,
                                of(v, v.number() == 0 ? null : versions.get(v.number() - 1))));
                    }
                }
            }
            store.saveChanges(rows);
            filled += rows.size();
            articlesDone.accept(articles.size());
            after = articles.getLast();
        }
    }

    @Override
    public String toString() {
        return "change facets";
    }
}
