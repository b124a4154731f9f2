package dev.redline.webhook;

import dev.redline.store.Watch;
import java.time.Instant;

/** A watch as listed by {@code redline watch list} and {@code GET /api/watches}: everything but its secret. */
public record WatchInfo(long id, Watch.Kind kind, String target, String url, Instant createdAt) {
    public static WatchInfo of(Watch w) {
        return new WatchInfo(w.id(), w.kind(), w.target(), w.url(), w.createdAt());
    }
}
