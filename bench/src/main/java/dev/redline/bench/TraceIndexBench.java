package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.fingerprint.Fingerprint;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.store.Store;
import dev.redline.store.TracePostings;
import dev.redline.trace.Candidate;
import dev.redline.trace.TraceIndex;
import dev.redline.trace.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds the trace index over N synthetic versions in a real SQLite file, then measures query
 * latency (fingerprint the copy, look up candidates, verify every version of each candidate by
 * exact shingle sets) against a brute-force scan that compares the copy with every version.
 * Candidate versions are regenerated from {@link SyntheticNews} rather than read from the store,
 * in both methods alike. Run through {@code bench/trace.sh}.
 *
 * <pre>TraceIndexBench --versions 1000000 --db /tmp/trace-bench.db --queries 1000 --brute-queries 5</pre>
 */
public final class TraceIndexBench {
    private static final int BATCH = 2000;

    public static void main(String[] args) throws Exception {
        long versions = 1_000_000;
        Path db = Path.of("bench/out/trace-bench.db");
        int queries = 1000;
        int bruteQueries = 5;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--versions" -> versions = Long.parseLong(args[i + 1]);
                case "--db" -> db = Path.of(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--brute-queries" -> bruteQueries = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--versions N, --db FILE, --queries Q, --brute-queries B)");
            }
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        SyntheticNews news = new SyntheticNews();
        Fingerprinter fingerprinter = Fingerprinter.DEFAULT;
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            TraceIndex index = new TraceIndex(store.tracePostings());
            long articles = build(store, news, fingerprinter, versions);
            checkpoint(db);
            long bytes = size(db);
            System.out.printf(Locale.ROOT, "size on disk: %.1f MB (%.0f bytes per version)%n", bytes / 1e6,
                    (double) bytes / versions);

            SplittableRandom random = new SplittableRandom(7);
            for (int w = 0; w < 100; w++) { // warm-up: JIT and SQLite page cache
                long a = random.nextLong(articles);
                viaIndex(index, news, fingerprinter, news.copy(a, 0, random));
            }
            long[] latencies = new long[queries];
            int rightArticle = 0;
            int rightVersion = 0;
            for (int q = 0; q < queries; q++) {
                long a = random.nextLong(articles);
                int v = random.nextInt(news.versions(a));
                ArticleText copy = news.copy(a, v, random);
                long start = System.nanoTime();
                Best best = viaIndex(index, news, fingerprinter, copy);
                latencies[q] = System.nanoTime() - start;
                rightArticle += best != null && best.article == a ? 1 : 0;
                rightVersion += best != null && best.names(a, v) ? 1 : 0;
            }
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "indexed query: %d queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                            + "top-1 article %.1f%%, copied version named or tied %.1f%%%n",
                    queries, latencies[queries / 2] / 1e6, latencies[(int) (queries * 0.99)] / 1e6,
                    latencies[queries - 1] / 1e6, 100.0 * rightArticle / queries, 100.0 * rightVersion / queries);

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
        long versionId = 0;
        long article = 0;
        long fingerprintNanos = 0;
        // the bulk writer gives its connection a page cache big enough for random b-tree inserts
        try (TracePostings.Bulk writer = store.tracePostings().bulk()) {
            while (versionId < target) {
                int count = news.versions(article);
                for (int v = 0; v < count && versionId < target; v++) {
                    long t = System.nanoTime();
                    Fingerprint fingerprint = fingerprinter.of(news.version(article, v));
                    fingerprintNanos += System.nanoTime() - t;
                    writer.add(article + 1, ++versionId, fingerprint);
                    if (versionId % BATCH == 0) {
                        writer.commit();
                    }
                    if (versionId % 100_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d versions indexed, %.0f s%n", versionId,
                                (System.nanoTime() - start) / 1e9);
                        System.out.flush();
                    }
                }
                article++;
            }
            writer.commit();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "index build: %,d versions of %,d articles in %.1f s (%.0f versions/s; "
                        + "%.1f s of it generating and fingerprinting text)%n", target, article, secs, target / secs,
                fingerprintNanos / 1e9);
        return article;
    }

    private static Best viaIndex(TraceIndex index, SyntheticNews news, Fingerprinter fingerprinter, ArticleText copy) {
        Fingerprint fingerprint = fingerprinter.of(copy);
        Best best = null;
        for (Candidate candidate : index.candidates(fingerprint, null, 25)) {
            long a = candidate.articleId() - 1;
            best = better(best, a, verdict(news, fingerprinter, fingerprint.shingles(), a));
        }
        return best;
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
