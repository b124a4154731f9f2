package dev.redline.trace;

import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trace index rebuilt in the background: started by {@code serve} and {@code poll} when stored
 * versions are missing from the index (a store from before the index, or one a migration emptied)
 * or articles lack their stored shingle sets (indexed before migration V46),
 * so that a user who upgrades never has to run {@code redline trace --reindex} by hand. It runs
 * {@link Tracer#reindex} on one daemon thread: each page of articles is its own transaction, so the
 * web keeps serving and the tracker keeps recording (whose versions the recording path indexes
 * itself), and a repair that is stopped resumes where it was at the next start, since indexed
 * versions are skipped. Progress goes to {@code lines} at every tenth of the work, then a summary.
 * Thread-safe.
 */
public final class IndexRepair implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRepair.class);
    /** Progress is reported this many times over the two passes. */
    private static final int STEPS = 10;

    private final Thread thread;
    private final long total;
    private volatile long done;
    private volatile boolean finished;
    private volatile boolean stopping;

    private IndexRepair(Tracer tracer, long behind, long stale, long stored, Consumer<String> lines) {
        this.total = 2 * stored; // two passes over the stored versions: index, then look for reuse
        this.thread = Thread.ofPlatform().name("redline-trace-repair").daemon().unstarted(() -> run(tracer, behind, stale, lines));
    }

    /**
     * Starts a repair when the index lacks stored versions; null when it is complete.
     *
     * @param lines where progress lines go (a log, stderr)
     */
    public static IndexRepair startIfNeeded(Tracer tracer, long storedVersions, Consumer<String> lines) {
        long behind = tracer.unindexedVersions();
        long stale = tracer.staleShingleRows();
        if (behind == 0 && stale == 0) {
            return null;
        }
        IndexRepair repair = new IndexRepair(tracer, behind, stale, storedVersions, lines);
        repair.thread.start();
        return repair;
    }

    private void run(Tracer tracer, long behind, long stale, Consumer<String> lines) {
        lines.accept(String.format(Locale.ROOT, "trace index: %,d of %,d stored versions are not indexed and %,d articles "
                + "lack their stored shingle sets; rebuilding in the background (tracing finds them as they are indexed)",
                behind, total / 2, stale));
        long start = System.nanoTime();
        long[] reported = {0};
        try {
            long added = tracer.reindex(n -> {
                done += n;
                long step = total == 0 ? STEPS : done * STEPS / total;
                if (step > reported[0] && step < STEPS) {
                    reported[0] = step;
                    lines.accept(String.format(Locale.ROOT, "trace index: %d%% (%,d of %,d versions indexed, then checked for reuse)",
                            100 * step / STEPS, done > total / 2 ? total / 2 : done, total / 2));
                }
            }, () -> stopping);
            lines.accept(String.format(Locale.ROOT, stopping
                            ? "trace index: repair stopped after %,d versions; it resumes at the next start (%.0f s)"
                            : "trace index: complete, %,d versions newly indexed and checked for reuse in %.0f s",
                    added, (System.nanoTime() - start) / 1e9));
        } catch (RuntimeException e) {
            // the store's versions are untouched; what was committed stays, the rest resumes at the next start
            LOG.error("trace index: the repair failed; it resumes at the next start", e);
        } finally {
            finished = true;
        }
    }

    /** Whether the repair is still running. */
    public boolean running() {
        return !finished;
    }

    /** Waits until the repair is done. */
    public void await() throws InterruptedException {
        thread.join();
    }

    /** Stops the repair after the page in progress (what was committed stays) and waits for it. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
