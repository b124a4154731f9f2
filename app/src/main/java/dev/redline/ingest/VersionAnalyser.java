package dev.redline.ingest;

import java.util.List;

/**
 * Looks at each version right after it is stored: trace indexing and reuse detection today; a
 * correction-note, stealth-edit or headline-test detector, or per-version sentence splits, plug in
 * here. Called on the recording thread, once per stored version, in version order, after the
 * version is committed. Implementations must be thread-safe (the tracker records from many
 * threads); an exception is logged and never undoes the version or stops the other analysers.
 */
@FunctionalInterface
public interface VersionAnalyser {

    void analyse(Recording recording);

    /**
     * Looks at several stored versions at once, in version order per article (an import's batch);
     * an analyser that writes overrides it to write them in one transaction.
     */
    default void analyseAll(List<Recording> recordings) {
        recordings.forEach(this::analyse);
    }
}
