package dev.redline.store;

import dev.redline.error.Conflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only rule of an import, shared by both databases' import paths: which entries of an
 * imported history are not stored yet, and the conflict when one is older than the stored history.
 * Stateless.
 */
final class ImportedHistory {
    private ImportedHistory() {
    }

    /** A version already in the store (or queued before in the same import), as the rule sees it. */
    record Known(Instant at, FieldHashes hashes) {
        static Known of(Version v) {
            return new Known(v.fetchedAt(), FieldHashes.of(v.text()));
        }
    }

    /**
     * The entries of {@code incoming} to append after {@code known} (oldest first): an entry with the
     * fetch time and field hashes of a known version is skipped.
     *
     * @throws Conflict when an entry to append is older than the newest known version
     */
    static List<NewVersion> unseen(String canonicalUrl, List<Known> known, List<NewVersion> incoming) {
        List<NewVersion> added = new ArrayList<>();
        Instant newest = known.isEmpty() ? null : known.getLast().at();
        for (NewVersion nv : incoming) {
            Instant at = Instant.ofEpochMilli(nv.fetchedAt().toEpochMilli());
            FieldHashes hashes = FieldHashes.of(nv.text());
            if (known.stream().anyMatch(k -> k.at().equals(at) && k.hashes().equals(hashes))) {
                continue;
            }
            if (newest != null && at.isBefore(newest)) {
                throw new Conflict("the version of " + canonicalUrl + " fetched at " + at + " is older than stored version "
                        + (known.size() + added.size() - 1) + " (" + newest + ") and not in the store; versions are append-only");
            }
            added.add(nv);
            newest = at;
        }
        return added;
    }
}
