package dev.redline.bench;

import dev.redline.diff.Diff;
import dev.redline.diff.SplitText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Redline's diff speed in CPU time of the measuring thread: alignment of split sentences
 * ({@link Diff#ops}), the full comparison from two stored versions (already split, as the store
 * keeps them: {@link Diff#compare(SplitText, SplitText, java.time.Instant, java.time.Instant)}), from the
 * kept form (texts and their kept splits, offsets and key hashes, read back: {@link Kept}, what the tracker and
 * the web pay per comparison once the rows are read) and from
 * raw text (splitting included), on typical pairs and a 5,000-sentence page, next to JMH's wall-clock figures:
 * on a shared, overloaded machine wall time mostly measures the neighbours, while the peer
 * script reports its CPU time the same way ({@code time.process_time()}), so the two compare
 * fairly. Warms up first, then takes the best of several rounds for each figure.
 * <p>Usage: {@code DiffCpuTime} (prints one "name value" line per figure)
 */
public final class DiffCpuTime {
    private static final int ROUNDS = 10;
    private static final int WARMUP_ROUNDS = 15;

    private DiffCpuTime() {
    }

    public static void main(String[] args) {
        List<DiffCorpus.Pair> typical = DiffCorpus.typical(DiffBenchmark.TYPICAL_PAIRS, DiffBenchmark.SEED);
        List<List<List<String>>> split = typical.stream()
                .map(p -> List.of(Diff.sentences(p.before()), Diff.sentences(p.after())))
                .toList();
        List<List<SplitText>> stored = typical.stream()
                .map(p -> List.of(SplitText.of(p.before()), SplitText.of(p.after())))
                .toList();
        DiffCorpus.Pair large = DiffCorpus.large(5_000, 50, DiffBenchmark.SEED);
        SplitText largeOld = SplitText.of(large.before());
        SplitText largeNew = SplitText.of(large.after());
        List<Kept> kept = typical.stream().map(Kept::of).toList();
        Kept largeKept = Kept.of(large);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        double bestCompare = 0;
        double bestOps = 0;
        double bestLargeMs = Double.MAX_VALUE;
        double bestStored = 0;
        double bestLargeStoredMs = Double.MAX_VALUE;
        double bestKept = 0;
        double bestLargeKeptMs = Double.MAX_VALUE;
        for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (DiffCorpus.Pair pair : typical) {
                Diff.compare(pair.before(), pair.after());
            }
            long afterCompare = cpu.getCurrentThreadCpuTime();
            for (int repeat = 0; repeat < 5; repeat++) {
                for (List<List<String>> pair : split) {
                    Diff.ops(pair.get(0), pair.get(1));
                }
            }
            long afterOps = cpu.getCurrentThreadCpuTime();
            Diff.compare(large.before(), large.after());
            long afterLarge = cpu.getCurrentThreadCpuTime();
            for (int repeat = 0; repeat < 5; repeat++) {
                for (List<SplitText> pair : stored) {
                    Diff.compare(pair.get(0), pair.get(1), null, null);
                }
            }
            long afterStored = cpu.getCurrentThreadCpuTime();
            Diff.compare(largeOld, largeNew, null, null);
            long afterLargeStored = cpu.getCurrentThreadCpuTime();
            for (int repeat = 0; repeat < 5; repeat++) {
                for (Kept pair : kept) {
                    pair.compare();
                }
            }
            long afterKept = cpu.getCurrentThreadCpuTime();
            largeKept.compare();
            long afterLargeKept = cpu.getCurrentThreadCpuTime();
            if (round >= WARMUP_ROUNDS) {
                bestCompare = Math.max(bestCompare, typical.size() / ((afterCompare - start) / 1e9));
                bestOps = Math.max(bestOps, 5 * split.size() / ((afterOps - afterCompare) / 1e9));
                bestLargeMs = Math.min(bestLargeMs, (afterLarge - afterOps) / 1e6);
                bestStored = Math.max(bestStored, 5 * stored.size() / ((afterStored - afterLarge) / 1e9));
                bestLargeStoredMs = Math.min(bestLargeStoredMs, (afterLargeStored - afterStored) / 1e6);
                bestKept = Math.max(bestKept, 5 * kept.size() / ((afterKept - afterLargeStored) / 1e9));
                bestLargeKeptMs = Math.min(bestLargeKeptMs, (afterLargeKept - afterKept) / 1e6);
            }
        }
        System.out.printf("redline_compare_cpu_pairs_per_s %.0f%n", bestCompare);
        System.out.printf("redline_ops_cpu_pairs_per_s %.0f%n", bestOps);
        System.out.printf("redline_large_cpu_ms %.1f%n", bestLargeMs);
        System.out.printf("redline_stored_cpu_pairs_per_s %.0f%n", bestStored);
        System.out.printf("redline_large_stored_cpu_ms %.2f%n", bestLargeStoredMs);
        System.out.printf("redline_kept_cpu_pairs_per_s %.0f%n", bestKept);
        System.out.printf("redline_large_kept_cpu_ms %.2f%n", bestLargeKeptMs);
    }
}
