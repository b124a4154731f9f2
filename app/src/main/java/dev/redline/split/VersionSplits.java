package dev.redline.split;

import dev.redline.ingest.Recording;
import dev.redline.ingest.VersionAnalyser;
import dev.redline.store.SplitStore;
import dev.redline.store.Version;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Keeps each version's sentence split in the store: as an analyser, right after a version is
 * recorded; as a backfill ({@link #fill}), for the versions of a store that predates the splits
 * (or whose splits were made under other splitting rules). Either way only the derived split is
 * written, never the version. Entry point of {@code dev.redline.split}. Thread-safe (the store is).
 */
public final class VersionSplits implements VersionAnalyser {
    /** Versions read per page of a backfill. */
    private static final int PAGE = 200;

    private final SplitStore splits;

    public VersionSplits(SplitStore splits) {
        this.splits = Objects.requireNonNull(splits, "splits");
    }

    @Override
    public void analyse(Recording recording) {
        analyseAll(List.of(recording));
    }

    /** Keeps the splits of a slice's or an import's versions in one transaction, taking over those the recorder made. */
    @Override
    public void analyseAll(List<Recording> recordings) {
        splits.keep(recordings.stream().map(Recording::version).toList(),
                recordings.stream().map(Recording::split).toList()); // a null split: split it now
    }

    /** How many versions a {@link #fill} would split now. */
    public long missing() {
        return splits.unsplitCount();
    }

    /**
     * Splits and keeps every version that has no current split, in id order, a page at a time;
     * versions recorded meanwhile are split by the analyser. Safe to stop and run again.
     *
     * @param progress told how many versions each page filled
     * @return how many versions were split
     */
    public long fill(LongConsumer progress) {
        long filled = 0;
        long after = 0;
        while (true) {
            List<Version> page = splits.unsplit(after, PAGE);
            splits.keep(page);
            filled += page.size();
            progress.accept(page.size());
            if (page.size() < PAGE) {
                return filled;
            }
            after = page.getLast().id();
        }
    }

    @Override
    public String toString() {
        return "version splits";
    }
}
