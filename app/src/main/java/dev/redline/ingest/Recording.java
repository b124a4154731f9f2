package dev.redline.ingest;

import dev.redline.store.Version;

/**
 * A version just stored, as {@link VersionAnalyser}s see it.
 *
 * @param version  the stored version
 * @param previous the version before it, or null for version 0
 * @param origin   how it came in
 */
public record Recording(Version version, Version previous, Origin origin) {

    /** How a version came in. */
    public enum Origin {
        /** Seen by the tracker on the live page. */
        TRACKED,
        /** Loaded from an archived history ({@code redline import}). */
        IMPORTED
    }
}
