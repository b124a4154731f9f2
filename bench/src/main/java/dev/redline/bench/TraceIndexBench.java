package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.bench.archive.ArchivePostgres;
import dev.redline.fingerprint.Fingerprint;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.provenance.Attribution;
import dev.redline.provenance.Passage;
import dev.redline.store.Store;
import dev.redline.store.TracePostings;
import dev.redline.store.Version;
import dev.redline.trace.Floor;
import dev.redline.trace.SourceFinder;
import dev.redline.trace.TraceIndex;
import dev.redline.trace.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the trace index over N synthetic versions in a real SQLite file (batches of
 * {@value #BATCH} versions per transaction, fingerprinted in parallel), then measures query
 * latency (fingerprint the copy, look up candidates, verify every version of each candidate by
 * exact shingle sets and keywords in order, attribute the version from the best article's
 * history) against a brute-force scan that compares the copy with every version by shingles.
 * Candidate versions are regenerated from {@link SyntheticNews} rather than read from the store,
 * in both methods alike. Run through {@code bench/trace.sh}.
 *
 * <pre>TraceIndexBench --versions 1000000 --db /tmp/trace-bench.db --queries 1000 --brute-queries 5</pre>
 * With {@code --postgres DATA_DIR} the index lives in an embedded PostgreSQL instead.
 */
public final class TraceIndexBench {
    private static final int BATCH = 2000;

    public static void main(String[] args) throws Exception {
        long versions = 1_000_000;
        Path db = Path.of("bench/out/trace-bench.db");
        int queries = 1000;
        int bruteQueries = 5;
        Path postgres = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--versions" -> versions = Long.parseLong(args[i + 1]);
                case "--db" -> db = Path.of(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--brute-queries" -> bruteQueries = Integer.parseInt(args[i + 1]);
                case "--postgres" -> postgres = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--versions N, --db FILE, --postgres DATA_DIR, --queries Q, --brute-queries B)");
            }
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        SyntheticNews news = new SyntheticNews();
        Fingerprinter fingerprinter = Fingerprinter.DEFAULT;
        // --postgres: the same run on an embedded PostgreSQL in DATA_DIR (whose server's own CPU time is
        // not in this process's figures)
        ArchivePostgres pg = postgres == null ? null : ArchivePostgres.start(postgres, 0);
        try (pg; Store store = Store.open(pg == null ? "jdbc:sqlite:" + db : pg.jdbcUrl())) {
            SourceFinder finder = new SourceFinder(new TraceIndex(store.tracePostings()), fingerprinter, Floor.DEFAULT,
                    histories(news), 512);
            long articles = build(store, news, fingerprinter, versions);
            if (pg == null) {
                checkpoint(db);
                long bytes = size(db);
                System.out.printf(Locale.ROOT, "size on disk: %.1f MB (%.0f bytes per version)%n", bytes / 1e6,
                        (double) bytes / versions);
            }

            SplittableRandom random = new SplittableRandom(7);
            for (int w = 0; w < 100; w++) { // warm-up: JIT and SQLite page cache
                long a = random.nextLong(articles);
                viaIndex(finder, fingerprinter, news.copy(a, 0, random));
            }
            long[] latencies = new long[queries];
            long[] cpuTimes = new long[queries];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            int rightArticle = 0;
            int rightVersion = 0;
            for (int q = 0; q < queries; q++) {
                long a = random.nextLong(articles);
                int v = random.nextInt(news.versions(a));
                ArticleText copy = news.copy(a, v, random);
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                Best best = viaIndex(finder, fingerprinter, copy);
                latencies[q] = System.nanoTime() - start;
                // a query runs on this thread (SQLite in-process too): its CPU time is what the load cannot inflate
                cpuTimes[q] = threads.getCurrentThreadCpuTime() - cpuStart;
                rightArticle += best != null && best.article == a ? 1 : 0;
                rightVersion += best != null && best.names(a, v) ? 1 : 0;
            }
            Arrays.sort(latencies);
            Arrays.sort(cpuTimes);
            System.out.printf(Locale.ROOT, "indexed query: %d queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                            + "top-1 article %.1f%%, copied version named or tied %.1f%%%n",
                    queries, latencies[queries / 2] / 1e6, latencies[(int) (queries * 0.99)] / 1e6,
                    latencies[queries - 1] / 1e6, 100.0 * rightArticle / queries, 100.0 * rightVersion / queries);
            System.out.printf(Locale.ROOT, "indexed query CPU time: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    cpuTimes[queries / 2] / 1e6, cpuTimes[(int) (queries * 0.99)] / 1e6, cpuTimes[queries - 1] / 1e6);

            long bruteTotal = 0;
            int bruteRight = 0;
            for (int q = 0; q < bruteQueries; q++) {
                long a = random.nextLong(articles);
                int v = random.nextInt(news.versions(a));
                ArticleText copy = news.copy(a, v, random);
                long start = System.nanoTime();
                Best best = bruteForce(news, fingerprinter, copy, articles);
                bruteTotal += System.nanoTime() - start;
                bruteRight += best != null && best.article == a ? 1 : 0;
            }
            if (bruteQueries > 0) {
                System.out.printf(Locale.ROOT, "brute-force scan: %d queries, mean %.0f ms per query (%d/%d right article)%n",
                        bruteQueries, bruteTotal / 1e6 / bruteQueries, bruteRight, bruteQueries);
            }
        }
    }

    /** The best article so far, its chosen (earliest tied) version and every version tied with it. */
    private record Best(long article, int version, List<Integer> tied, int shared) {
        /** Right when the copied version is the one chosen, or tied with it (then the earliest is named by design). */
        boolean names(long a, int v) {
            return article == a && tied.contains(v);
        }
    }

    private static long build(Store store, SyntheticNews news, Fingerprinter fingerprinter,
                              long target) {
        long start = System.nanoTime();
        long cpuStart = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long versionId = 0;
        long article = 0;
        long generateNanos = 0;
        long fingerprintNanos = 0;
        long writeNanos = 0;
        long generateCpu = 0;
        long fingerprintCpu = 0;
        long writeCpu = 0;
        // the bulk writer gives its connection a page cache big enough for random b-tree inserts
        try (TracePostings.Bulk writer = store.tracePostings().bulk()) {
            List<long[]> ids = new ArrayList<>(); // {article, version id, version number}
            while (versionId < target) {
                int count = news.versions(article);
                for (int v = 0; v < count && versionId < target; v++) {
                    ids.add(new long[] {article, ++versionId, v});
                }
                article++;
                if (ids.size() >= BATCH || versionId >= target) {
                    long t = System.nanoTime();
                    long c0 = cpu();
                    // the text a reindex would read from the store; generating it is not indexing and is timed apart
                    List<ArticleText> texts = ids.parallelStream().map(id -> news.version(id[0], (int) id[2])).toList();
                    long t1 = System.nanoTime();
                    long c1 = cpu();
                    generateNanos += t1 - t;
                    generateCpu += c1 - c0;
                    // fingerprinting runs in parallel, as in Tracer.reindex; the writes are one batch per transaction
                    List<Fingerprint> fingerprints = texts.parallelStream().map(fingerprinter::of).toList();
                    long t2 = System.nanoTime();
                    long c2 = cpu();
                    fingerprintNanos += t2 - t1;
                    fingerprintCpu += c2 - c1;
                    for (int i = 0; i < ids.size(); i++) {
                        writer.add(ids.get(i)[0] + 1, ids.get(i)[1], fingerprints.get(i));
                    }
                    writer.commit();
                    writeNanos += System.nanoTime() - t2;
                    writeCpu += cpu() - c2;
                    if (versionId / 100_000 != (versionId - ids.size()) / 100_000) {
                        System.out.printf(Locale.ROOT, "  %,d versions indexed, %.0f s%n", versionId,
                                (System.nanoTime() - start) / 1e9);
                        System.out.flush();
                    }
                    ids.clear();
                }
            }
            writer.commit();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = (((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "index build CPU: %.1f s of process CPU time (%.0f versions per CPU second)%n",
                cpu, target / cpu);
        System.out.printf(Locale.ROOT, "index build: %,d versions of %,d articles in %.1f s wall (%.1f s generating text, "
                        + "%.1f s fingerprinting on %d threads, %.1f s writing); indexing (fingerprint + write) %.0f versions/s%n",
                target, article, secs, generateNanos / 1e9, fingerprintNanos / 1e9,
                java.util.concurrent.ForkJoinPool.commonPool().getParallelism() + 1, writeNanos / 1e9,
                target / ((fingerprintNanos + writeNanos) / 1e9));
        System.out.printf(Locale.ROOT, "index build CPU by phase: generating %.1f s, fingerprinting %.1f s, writing %.1f s; "
                        + "indexing %.0f versions per CPU second (fingerprint + write)%n", generateCpu / 1e9, fingerprintCpu / 1e9,
                writeCpu / 1e9, target / ((fingerprintCpu + writeCpu) / 1e9));
        return article;
    }

    /**
     * As the tracer answers, through the same {@link SourceFinder} (its candidate pruning, shingle
     * verification, keyword check and history cache), over histories regenerated from
     * {@link SyntheticNews} instead of read from the store; then the attribution of the best
     * article's version from its history.
     */
    private static Best viaIndex(SourceFinder finder, Fingerprinter fingerprinter, ArticleText copy) {
        Passage copied = Passage.of(copy);
        List<SourceFinder.Found> found = finder.find(fingerprinter.of(copy), copied, null, 1);
        if (found.isEmpty()) {
            return null;
        }
        SourceFinder.Found best = found.getFirst();
        Attribution attribution = finder.attribute(best, copied);
        return new Best(best.articleId() - 1, attribution.version(), attribution.consistent(),
                best.verdict() == null ? 0 : best.verdict().shared());
    }

    /** The generated histories as the finder reads stored ones (index article id = generator article + 1). */
    private static SourceFinder.Histories histories(SyntheticNews news) {
        return new SourceFinder.Histories() {
            @Override
            public int versionCount(long articleId) {
                return news.versions(articleId - 1);
            }

            @Override
            public List<Version> versions(long articleId) {
                List<Version> out = new ArrayList<>();
                for (int v = 0; v < news.versions(articleId - 1); v++) {
                    out.add(new Version(0, articleId, v, Instant.EPOCH.plusSeconds(v), news.version(articleId - 1, v),
                            Set.of(), false, null, null));
                }
                return out;
            }
        };
    }

    private static Best bruteForce(SyntheticNews news, Fingerprinter fingerprinter, ArticleText copy, long articles) {
        long[] shingles = fingerprinter.shingles(copy);
        Best best = null;
        for (long a = 0; a < articles; a++) {
            best = better(best, a, verdict(news, fingerprinter, shingles, a));
        }
        return best;
    }

    private static Verdict verdict(SyntheticNews news, Fingerprinter fingerprinter, long[] copy, long a) {
        List<long[]> versions = new ArrayList<>();
        for (int v = 0; v < news.versions(a); v++) {
            versions.add(fingerprinter.shingles(news.version(a, v)));
        }
        return Verdict.of(copy, versions);
    }

    private static Best better(Best best, long a, Verdict verdict) {
        if (verdict == null || (best != null && best.shared >= verdict.shared())) {
            return best;
        }
        return new Best(a, verdict.best(), verdict.tied(), verdict.shared());
    }

    /** CPU time of the whole process so far, in nanoseconds (all threads, the JIT and GC included). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Folds the WAL into the file and updates the planner's statistics: the bench owns this SQLite file. */
    private static void checkpoint(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("ANALYZE");
        }
    }

    private static long size(Path db) throws IOException {
        long total = 0;
        for (String suffix : List.of("", "-wal")) {
            Path file = Path.of(db + suffix);
            if (Files.exists(file)) {
                total += Files.size(file);
            }
        }
        return total;
    }
}
