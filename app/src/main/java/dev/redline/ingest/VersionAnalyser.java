package dev.redline.ingest;

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
}
