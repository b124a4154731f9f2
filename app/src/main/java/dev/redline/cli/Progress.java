package dev.redline.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a long CLI job over many items. On a terminal it redraws one bar line; otherwise
 * (CI, pipes, logs) it prints a plain line at most every {@code plainEvery}. {@link #finish} prints
 * the one-line summary every job ends with. Thread-safe: workers may call {@link #step()} at once.
 */
public final class Progress {
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long plainEveryNanos;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastPrintNanos = startNanos;

    Progress(String label, long total, PrintStream out, boolean terminal, Duration plainEvery) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.plainEveryNanos = plainEvery.toNanos();
    }

    /**
     * Starts progress on stderr. {@code total} is the number of items, or -1 when unknown.
     */
    public static Progress start(String label, long total) {
        return new Progress(label, total, System.err, Terminal.interactive(), Duration.ofSeconds(5));
    }

    /** One item done. */
    public void step() {
        advance(1);
    }

    public void advance(long items) {
        long now = System.nanoTime();
        long n = done.addAndGet(items);
        long interval = terminal ? 100_000_000L : plainEveryNanos;
        if (now - lastPrintNanos >= interval || (terminal && n == total)) {
            synchronized (this) {
                if (now - lastPrintNanos < interval && !(terminal && n == total)) {
                    return;
                }
                lastPrintNanos = now;
                print(n, now);
            }
        }
    }

    public long done() {
        return done.get();
    }

    private void print(long n, long now) {
        double secs = Math.max(1e-9, (now - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%.1f/s", n / secs);
        if (terminal) {
            String bar;
            if (total > 0) {
                int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * n / total);
                bar = "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + n + "/" + total;
            } else {
                bar = n + " done";
            }
            out.print("\r" + label + " " + bar + " " + rate + "   ");
        } else if (total > 0) {
            out.printf(Locale.ROOT, "%s: %d/%d (%d%%) %s%n", label, n, total, 100 * n / total, rate);
        } else {
            out.printf(Locale.ROOT, "%s: %d done %s%n", label, n, rate);
        }
        out.flush();
    }

    /** Ends the job with its one-line summary, e.g. {@code "181 pages, 2 failed"}; elapsed time is appended. */
    public void finish(String summary) {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        if (terminal) {
            out.print("\r" + " ".repeat(BAR_WIDTH + label.length() + 40) + "\r");
        }
        out.printf(Locale.ROOT, "%s: %s in %.1f s%n", label, summary, secs);
        out.flush();
    }
}
