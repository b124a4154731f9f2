package dev.redline.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distinct shingles of stored versions, by version id, for the reuse search: each version is
 * shingled once (when it is recorded, from its fingerprint, or when it is first a candidate) and
 * compared many times. Versions never change, so an entry never goes stale; the least recently used
 * are dropped once the shingles held pass a bound, which keeps memory flat on a large archive.
 * Thread-safe (one lock; the work under it is a map operation).
 */
final class ShingleCache {
    private final long maxShingles;
    private final LinkedHashMap<Long, long[]> byVersion = new LinkedHashMap<>(1024, 0.75f, true);
    private long held;

    /** @param maxShingles shingles (8 bytes each) held at most */
    ShingleCache(long maxShingles) {
        this.maxShingles = maxShingles;
    }

    /** The version's shingles, or null when they are not held. */
    synchronized long[] get(long versionId) {
        return byVersion.get(versionId);
    }

    /** Keeps the version's distinct sorted shingles (dropping the least recently used beyond the bound). */
    synchronized void put(long versionId, long[] shingles) {
        long[] before = byVersion.put(versionId, shingles);
        held += shingles.length - (before == null ? 0 : before.length);
        var eldest = byVersion.entrySet().iterator();
        while (held > maxShingles && eldest.hasNext()) {
            Map.Entry<Long, long[]> e = eldest.next();
            held -= e.getValue().length;
            eldest.remove();
        }
    }
}
