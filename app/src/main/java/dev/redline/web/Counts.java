package dev.redline.web;

import dev.redline.store.Store;
import dev.redline.store.StoreMark;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store's article and version counts shown on the home page and {@code /health}, counted once
 * per {@link StoreMark}: counting versions reads a whole index (5 ms at 700 k versions on SQLite),
 * and every new article or version moves the mark, so a count kept against it is never stale.
 * Thread-safe.
 */
final class Counts {
    /** The counts at one mark. */
    record At(StoreMark mark, long articles, long versions) {
    }

    private final Store store;
    private final AtomicReference<At> last = new AtomicReference<>();

    Counts(Store store) {
        this.store = store;
    }

    /** The counts at {@code mark} (the store's current one), counted again only when it moved. */
    At at(StoreMark mark) {
        At known = last.get();
        if (known != null && known.mark().equals(mark)) {
            return known;
        }
        // two threads may both count after a move; either answer is right for the mark
        At counted = new At(mark, store.articleCount(), store.versionCount());
        last.set(counted);
        return counted;
    }
}
