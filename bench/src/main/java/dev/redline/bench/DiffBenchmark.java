package dev.redline.bench;

import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.SplitText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Diff#compare} from two stored, already split versions (alignment, word diffs, boring
 * rules: what the tracker and the web pay) and from raw text (sentence splitting too) on typical
 * ~40-sentence pairs, on a 5,000-sentence live page (50 changes) and on one rewritten throughout, and {@link Diff#ops} (alignment and word
 * diffs of already split sentences: exactly the input the Python peer gets) on the same typical
 * pairs. Run by {@code bench/diff.sh}.
 */
@State(Scope.Benchmark)
public class DiffBenchmark {
    /** Typical pairs per invocation; JMH divides by this, so the score is pairs per second. */
    static final int TYPICAL_PAIRS = 200;
    static final long SEED = 20_260_122L;

    private List<DiffCorpus.Pair> typical;
    private List<List<List<String>>> typicalSentences;
    private List<List<SplitText>> typicalStored;
    private List<Kept> typicalKept;
    private Kept largeKept;
    private DiffCorpus.Pair large;
    private SplitText largeOld;
    private SplitText largeNew;
    private DiffCorpus.Pair rewritten;

    @Setup
    public void setUp() {
        typical = DiffCorpus.typical(TYPICAL_PAIRS, SEED);
        typicalSentences = typical.stream()
                .map(p -> List.of(Diff.sentences(p.before()), Diff.sentences(p.after())))
                .toList();
        typicalStored = typical.stream().map(p -> List.of(SplitText.of(p.before()), SplitText.of(p.after()))).toList();
        large = DiffCorpus.large(5_000, 50, SEED);
        largeOld = SplitText.of(large.before());
        largeNew = SplitText.of(large.after());
        typicalKept = typical.stream().map(Kept::of).toList();
        largeKept = Kept.of(large);
        rewritten = new DiffCorpus.Pair(DiffCorpus.large(5_000, 0, SEED).before(), DiffCorpus.large(5_000, 0, SEED + 1).before());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TYPICAL_PAIRS)
    public void typicalAlignment(Blackhole sink) {
        for (List<List<String>> pair : typicalSentences) {
            sink.consume(Diff.ops(pair.get(0), pair.get(1)));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TYPICAL_PAIRS)
    public void typicalPairs(Blackhole sink) {
        for (DiffCorpus.Pair pair : typical) {
            sink.consume(Diff.compare(pair.before(), pair.after()));
        }
    }

    /** End to end as the tracker and the web use it: two stored (already split) versions to a result. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TYPICAL_PAIRS)
    public void typicalStoredPairs(Blackhole sink) {
        for (List<SplitText> pair : typicalStored) {
            sink.consume(Diff.compare(pair.get(0), pair.get(1), null, null));
        }
    }

    /**
     * End to end from what a store keeps: each version's text and its kept split
     * ({@link SplitText#kept()}: offsets and key hashes), read back ({@link SplitText#ofKept}) and compared.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TYPICAL_PAIRS)
    public void typicalKeptPairs(Blackhole sink) {
        for (Kept pair : typicalKept) {
            sink.consume(pair.compare());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DiffResult fiveThousandKept() {
        return largeKept.compare();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DiffResult fiveThousandStored() {
        return Diff.compare(largeOld, largeNew, null, null);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DiffResult fiveThousandSentences() {
        return Diff.compare(large.before(), large.after());
    }

    /** Worst case: a 5,000-sentence page replaced by 5,000 different (but template-alike) sentences. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DiffResult fiveThousandRewritten() {
        return Diff.compare(rewritten.before(), rewritten.after());
    }
}
