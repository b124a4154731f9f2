package dev.redline.track;

import java.util.concurrent.atomic.AtomicLongArray;

/** Outcome counters of one round, shared by its worker threads. Thread-safe. */
final class RoundCounts {
    /** What is counted; the index into the counters. */
    enum Count { FEEDS, FEED_ERRORS, NEW_ARTICLES, CHECKS, NEW_VERSIONS, UNCHANGED, FLIP_FLOPS, GONE, DISALLOWED, ERRORS }

    private final AtomicLongArray counts = new AtomicLongArray(Count.values().length);

    void add(Count count) {
        counts.incrementAndGet(count.ordinal());
    }

    void add(Count count, long n) {
        counts.addAndGet(count.ordinal(), n);
    }

    PollSummary summary() {
        return new PollSummary(get(Count.FEEDS), get(Count.FEED_ERRORS), get(Count.NEW_ARTICLES), get(Count.CHECKS),
                get(Count.NEW_VERSIONS), get(Count.UNCHANGED), get(Count.FLIP_FLOPS), get(Count.GONE),
                get(Count.DISALLOWED), get(Count.ERRORS));
    }

    private long get(Count count) {
        return counts.get(count.ordinal());
    }
}
