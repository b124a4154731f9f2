package dev.redline.store;

import dev.redline.diff.SplitText;
import java.util.List;

/**
 * Each stored version's body split into sentences ({@link SplitText}), kept beside the version so
 * that a comparison reads the split instead of splitting again. Derived data: the version's text
 * stays the record, and a split that is missing (a store older than this table, an analyser that
 * failed) or was made under other splitting rules ({@link dev.redline.text.Sentences#rules()}) is
 * made again from the text and kept, so every read returns what splitting the text now would.
 * Writing a split is best effort: when it fails the split is still returned, and the next read
 * tries again. Implementations are thread-safe.
 */
public interface SplitStore {

    /** The version's split: the kept one when current, else split now (and kept). */
    SplitText split(Version version);

    /** The splits of these versions, in their order, read in one go (same rule as {@link #split}). */
    List<SplitText> splits(List<Version> versions);

    /** Splits stored versions and keeps their splits (one transaction), replacing ones made under other rules. */
    void keep(List<Version> versions);

    /**
     * Versions with no current split, in id order after {@code afterId} (0 to start): keyset
     * paging for a backfill.
     */
    List<Version> unsplit(long afterId, int limit);

    /** How many versions have no current split. */
    long unsplitCount();
}
