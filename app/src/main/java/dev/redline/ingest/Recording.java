package dev.redline.ingest;

import dev.redline.diff.SplitText;
import dev.redline.store.Version;

/**
 * A version just stored, as {@link VersionAnalyser}s see it.
 *
 * @param version  the stored version
 * @param previous the version before it, or null for version 0
 * @param origin   how it came in
 * @param split    the version's sentence split when the recorder made one from its text (for the
 *                 boring verdict), so that no analyser splits it again; or null
 */
public record Recording(Version version, Version previous, Origin origin, SplitText split) {

    /** A recording without a split made for it. */
    public Recording(Version version, Version previous, Origin origin) {
        this(version, previous, origin, null);
    }

    /** How a version came in. */
    public enum Origin {
        /** Seen by the tracker on the live page. */
        TRACKED,
        /** Loaded from an archived history ({@code redline import}). */
        IMPORTED
    }
}
