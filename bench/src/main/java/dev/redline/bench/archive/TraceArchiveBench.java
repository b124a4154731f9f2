package dev.redline.bench.archive;

import dev.redline.article.ArticleText;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.trace.TraceMatch;
import dev.redline.trace.TraceResult;
import dev.redline.trace.Tracer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The trace index over a stored archive (a copy of one written by {@link ArchiveGenerator}): the
 * bulk build through the tracer's own repair path ({@link Tracer#indexStored}, what {@code redline
 * trace --reindex} runs first), optionally the reuse pass over the first pages
 * ({@link Tracer#recordReuseOf}), then trace queries through {@link Tracer#trace} as the CLI and
 * the API run them (candidates, verification, attribution from the history, the diff of each
 * match) for copies of stored versions with the labelled set's kinds of damage and for unrelated
 * texts of the same style that are not stored. CPU time is the process's for the build (the
 * fingerprints are made on every core) and the querying thread's for a query (SQLite runs
 * in-process on it), so the figures hold under a shared machine's load; wall times are printed
 * beside them with the load average. Writes the index into {@code --db}: never point it at a
 * shared archive.
 *
 * <pre>TraceArchiveBench --db /work/data-trace/a1m/redline.db --index --queries 200</pre>
 */
@Command(name = "trace-archive", mixinStandardHelpOptions = true,
        description = "Bulk trace index build and trace query latency over a stored archive (a copy).")
public final class TraceArchiveBench implements Callable<Integer> {
    /** Copier boilerplate appended to whole copies, as the labelled sets do. */
    private static final String BOILERPLATE = "Receive News Alerts on our channel. No Comments yet, be the first to comment.";
    /** Words a spinner or a copier puts in place of the archive's ordinary words (lower-case, so never keywords). */
    private static final String[] SUBSTITUTES = {"stated", "remarked", "verified", "declared", "informed", "examined",
            "prompted", "authorities", "anticipated", "assembly", "scheme", "shortfall", "levy", "projection",
            "reduction", "agency", "panel", "employees", "initially", "roughly", "beyond", "since", "additionally"};

    enum Kind { WHOLE, EDITED, SPUN, EXCERPT, UNRELATED }

    @Option(names = "--db", required = true, description = "SQLite file of a copied archive (the index is written into it)")
    Path db;

    @Option(names = "--index", description = "build the trace index of every stored version not in it first")
    boolean index;

    @Option(names = "--reuse-pages", defaultValue = "0", description = "then run the reuse pass over this many pages of articles")
    int reusePages;

    @Option(names = "--queries", defaultValue = "0", description = "then this many trace queries of each kind")
    int queries;

    @Option(names = "--seed", defaultValue = "17", description = "the archive's text seed; unrelated texts use another")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TraceArchiveBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException("no SQLite file at " + db);
        }
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            Tracer tracer = new Tracer(store);
            System.out.printf(Locale.ROOT, "store: %,d articles, %,d versions; %,d not indexed, %,d articles without current "
                    + "shingle rows; load average %s%n", store.articleCount(), store.versionCount(), tracer.unindexedVersions(),
                    tracer.staleShingleRows(), load());
            if (index) {
                build(tracer, store.versionCount());
            }
            if (reusePages > 0) {
                reuse(store, tracer);
            }
            if (queries > 0) {
                query(store, tracer);
            }
        }
        return 0;
    }

    private static void build(Tracer tracer, long stored) {
        long wall = System.nanoTime();
        long cpu = processCpu();
        AtomicLong done = new AtomicLong();
        long[] added = tracer.indexStored(n -> {
            long before = done.getAndAdd(n);
            if ((before + n) / 100_000 != before / 100_000) {
                System.out.printf(Locale.ROOT, "  %,d of %,d versions, %.0f s%n", before + n, stored, (System.nanoTime() - wall) / 1e9);
            }
        }, () -> false);
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "index build: %,d versions newly indexed in %.1f s wall (%.0f versions/s), "
                        + "%.1f s process CPU (%.0f versions per CPU second); %,d articles left without current shingle rows; load average %s%n",
                added.length, seconds, added.length / seconds, cpuSeconds, added.length / cpuSeconds, tracer.staleShingleRows(), load());
    }

    /** The reuse pass over the first {@code --reuse-pages} pages, every version of them counted as newly indexed. */
    private void reuse(Store store, Tracer tracer) {
        List<Long> ids = new ArrayList<>();
        long after = 0;
        int articles = 0;
        for (int page = 0; page < reusePages; page++) {
            List<Article> read = store.articlesAfter(after, Tracer.REINDEX_PAGE);
            if (read.isEmpty()) {
                break;
            }
            store.versionsOf(read.stream().map(Article::id).toList()).values().forEach(vs -> vs.forEach(v -> ids.add(v.id())));
            articles += read.size();
            after = read.getLast().id();
        }
        long[] checked = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        int pageArticles = articles;
        AtomicLong seen = new AtomicLong();
        AtomicLong visited = new AtomicLong();
        long wall = System.nanoTime();
        long cpu = processCpu();
        tracer.recordReuseOf(checked, n -> {
            seen.incrementAndGet();
            visited.addAndGet(n);
        }, () -> seen.get() >= pageArticles);
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "reuse pass: %,d versions of %,d articles checked in %.1f s wall (%.0f versions/s), "
                        + "%.1f s process CPU (%.0f versions per CPU second); load average %s%n",
                visited.get(), seen.get(), seconds, visited.get() / seconds, cpuSeconds, visited.get() / cpuSeconds, load());
    }

    private void query(Store store, Tracer tracer) {
        SplittableRandom random = new SplittableRandom(20261201);
        long articles = store.articleCount();
        ArchiveText unrelated = new ArchiveText(seed + 1_000_003);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 50; w++) { // warm-up: JIT and the page cache
            tracer.trace(copy(store, articles, Kind.WHOLE, random).text, 5);
        }
        Map<Kind, List<long[]>> timings = new EnumMap<>(Kind.class);
        Map<Kind, int[]> right = new EnumMap<>(Kind.class); // {article, version named or consistent, any match}
        String loadBefore = load();
        for (int q = 0; q < queries; q++) {
            for (Kind kind : Kind.values()) {
                Copy copy = kind == Kind.UNRELATED
                        ? new Copy(unrelated.history(q, Instant.EPOCH).getFirst().text(), null, -1)
                        : copy(store, articles, kind, random);
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                TraceResult result = tracer.trace(copy.text, 5);
                long cpuNanos = threads.getCurrentThreadCpuTime() - cpu;
                long wallNanos = System.nanoTime() - wall;
                timings.computeIfAbsent(kind, k -> new ArrayList<>()).add(new long[] {cpuNanos, wallNanos});
                int[] score = right.computeIfAbsent(kind, k -> new int[3]);
                if (!result.matches().isEmpty()) {
                    score[2]++;
                    TraceMatch best = result.matches().getFirst();
                    if (best.url().equals(copy.url)) {
                        score[0]++;
                        score[1] += best.version() == copy.version || best.tiedVersions().contains(copy.version) ? 1 : 0;
                    }
                }
            }
        }
        List<long[]> all = new ArrayList<>();
        System.out.printf(Locale.ROOT, "trace queries over %,d versions (limit 5, diff included), load average %s .. %s%n",
                store.versionCount(), loadBefore, load());
        for (Kind kind : Kind.values()) {
            List<long[]> t = timings.get(kind);
            all.addAll(t);
            int[] s = right.get(kind);
            System.out.printf(Locale.ROOT, "  %-9s %4d: CPU %s, wall %s; %s%n", kind.name().toLowerCase(Locale.ROOT), t.size(),
                    percentiles(t, 0), percentiles(t, 1), kind == Kind.UNRELATED
                            ? s[2] + " matched (stored stories of the same stock phrases)"
                            : String.format(Locale.ROOT, "top-1 article %.1f %%, version named or consistent %.1f %%",
                                    100.0 * s[0] / t.size(), 100.0 * s[1] / t.size()));
        }
        System.out.printf(Locale.ROOT, "  all       %4d: CPU %s, wall %s%n", all.size(), percentiles(all, 0), percentiles(all, 1));
    }

    /** A query text, and for a copy the stored article and version it was made from (else null and -1). */
    private record Copy(ArticleText text, String url, int version) {
    }

    /** A damaged copy of a random stored version. */
    private static Copy copy(Store store, long articles, Kind kind, SplittableRandom random) {
        Article article = store.article(1 + random.nextLong(articles)).orElseThrow();
        List<Version> versions = store.versions(article.id());
        Version version = versions.get(random.nextInt(versions.size()));
        ArticleText text = version.text();
        List<String> body = text.paragraphs();
        ArticleText copy = switch (kind) {
            case WHOLE -> new ArticleText(text.title(), null, append(body, BOILERPLATE));
            case EDITED -> new ArticleText(text.title(), null,
                    append(body.stream().map(p -> reword(p, 0, 2 + random.nextInt(2), random)).toList(), BOILERPLATE));
            case SPUN -> new ArticleText(reword(text.title(), 0.4, 0, random), null,
                    body.stream().map(p -> reword(p, 0.3 + random.nextDouble(0.2), 0, random)).toList());
            case EXCERPT -> {
                int kept = Math.max(1, 1 + random.nextInt(Math.max(1, body.size() - 1)));
                String merged = String.join(" ", body.subList(0, kept));
                yield new ArticleText(random.nextBoolean() ? text.title() : "", null,
                        List.of(random.nextBoolean() ? merged.replaceAll("\\p{Punct}", "") : merged));
            }
            case UNRELATED -> throw new IllegalArgumentException("an unrelated text is not a copy");
        };
        return new Copy(copy, article.url(), version.number());
    }

    private static List<String> append(List<String> body, String line) {
        List<String> out = new ArrayList<>(body);
        out.add(line);
        return out;
    }

    /** Replaces a share of the lower-case words (or at least {@code atLeast} of them) by substitutes; names and figures stay. */
    private static String reword(String text, double share, int atLeast, SplittableRandom random) {
        String[] words = text.split(" ");
        List<Integer> plain = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].matches("[a-z]{3,}")) {
                plain.add(i);
            }
        }
        int replace = Math.min(plain.size(), Math.max(atLeast, (int) Math.round(share * plain.size())));
        for (int r = 0; r < replace; r++) {
            int i = plain.remove(random.nextInt(plain.size()));
            words[i] = SUBSTITUTES[random.nextInt(SUBSTITUTES.length)];
        }
        return String.join(" ", words);
    }

    private static String percentiles(List<long[]> timings, int which) {
        long[] values = timings.stream().mapToLong(t -> t[which]).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", values[values.length / 2] / 1e6,
                values[Math.min(values.length - 1, (int) (values.length * 0.99))] / 1e6, values[values.length - 1] / 1e6);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
