package dev.redline.store;

import dev.redline.diff.SplitText;
import java.util.Collections;
import java.util.List;

/**
 * Each stored version's body split into sentences ({@link SplitText}), kept beside the version so
 * that a comparison reads the split instead of splitting again. Derived data: the version's text
 * stays the record, and a split that is missing (a store older than this table, an analyser that
 * failed), was made under other splitting rules ({@link dev.redline.text.Sentences#rules()}) or
 * lacks its key hashes is made again from the text when read, so every read returns what
 * splitting the text now would. Reads never write (a read must not wait for a write lock);
 * {@link #keep} writes, as the recorder's analyser and the backfill ({@code redline splits}) do.
 * Implementations are thread-safe.
 */
public interface SplitStore {

    /** The version's split: the kept one when current, else split now. */
    SplitText split(Version version);

    /** The splits of these versions, in their order, read in one go (same rule as {@link #split}). */
    List<SplitText> splits(List<Version> versions);

    /**
     * As {@link #splits}, and keeps (one transaction) the splits it had to make: for batch jobs
     * such as the facet backfill, never for a web read (which must not wait for a write lock).
     */
    List<SplitText> splitsKeepingMissing(List<Version> versions);

    /** Splits stored versions and keeps their splits (one transaction), replacing ones made under other rules. */
    default void keep(List<Version> versions) {
        keep(versions, Collections.nCopies(versions.size(), null));
    }

    /**
     * Keeps the splits of stored versions (one transaction), replacing ones made under other rules:
     * {@code made.get(k)} is the split of {@code versions.get(k)} that its caller already made
     * from the version's text (so it is not split twice), or null to split it now; a split that
     * does not fit the stored text is made again.
     */
    void keep(List<Version> versions, List<SplitText> made);

    /**
     * Versions with no current split (none, other rules, or no key hashes), in id order after
     * {@code afterId} (0 to start): keyset paging for a backfill.
     */
    List<Version> unsplit(long afterId, int limit);

    /** How many versions have no current split. */
    long unsplitCount();
}
