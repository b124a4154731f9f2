package dev.redline.ingest;

import dev.redline.store.EventKind;
import dev.redline.store.NewVersion;
import dev.redline.store.Version;

/** What {@link VersionRecorder#record} (or {@link Slice#record}) did with an observed text. */
public sealed interface Recorded {

    /** The text differs from the latest version: it is stored as {@code version}. */
    record Stored(Version version) implements Recorded {
    }

    /**
     * The text differs from the latest version: queued in a {@link Slice}, appended when the slice
     * commits (then analysed like every stored version).
     */
    record Queued(NewVersion version) implements Recorded {
    }

    /** The text is the latest version's (by the comparison key of {@code FieldHashes}): nothing stored. */
    record Unchanged() implements Recorded {
    }

    /**
     * The text of an earlier version came back (A/B/A): noted as a {@link EventKind#FLIP_FLOP} event
     * (its detail names both versions), not stored again.
     *
     * @param shown  the earlier version the page shows again
     * @param latest the latest stored version
     */
    record FlipFlop(int shown, int latest) implements Recorded {
    }
}
