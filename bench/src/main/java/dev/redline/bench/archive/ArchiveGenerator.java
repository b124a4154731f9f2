package dev.redline.bench.archive;

import dev.redline.cli.Progress;
import dev.redline.editing.ChangeFacets;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.store.Source;
import dev.redline.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a generated archive for the scale benchmarks: {@code --articles} articles (ten versions each
 * on average, {@link ArchiveText}) spread over a year and over {@code --sources} sources, into a SQLite
 * file ({@code --db FILE}), a PostgreSQL database ({@code --db jdbc:postgresql://…}) or an embedded
 * PostgreSQL on a kept data folder ({@code --postgres DIR}). It records through
 * {@link VersionRecorder#recordHistories} (the import path, so the stored versions and their change
 * facets are what {@code redline import} would store), {@code --batch} articles per transaction, on
 * {@code --threads} threads (one diffs while another writes). Articles already stored are skipped,
 * so an interrupted run can be started again. Progress goes to stderr, the summary line last.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Generate an archive of news histories for the scale benchmarks.")
public final class ArchiveGenerator implements Callable<Integer> {
    /** Each source's name; article i belongs to source i mod count. */
    private static final String[] SOURCES = {"harbour-gazette", "valley-news", "north-wire", "coast-courier",
            "city-ledger", "river-post", "island-times", "plains-herald", "bay-observer", "hill-record",
            "metro-daily", "county-star"};
    static final Instant START = Instant.parse("2025-12-01T06:00:00Z");
    static final Duration SPAN = Duration.ofDays(365);

    @Option(names = "--db", description = "SQLite file or JDBC URL (jdbc:sqlite:FILE, jdbc:postgresql://…).")
    String db;

    @Option(names = "--postgres", description = "Start an embedded PostgreSQL on this data folder (kept) and write there.")
    Path postgres;

    @Option(names = "--articles", defaultValue = "100000", description = "Articles to generate (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--sources", defaultValue = "8", description = "Sources, 1 to 12 (default ${DEFAULT-VALUE}).")
    int sources;

    @Option(names = "--batch", defaultValue = "100", description = "Articles per transaction (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "Recording threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "17", description = "Text seed (default ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ArchiveGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if ((db == null) == (postgres == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give either --db or --postgres");
        }
        if (sources < 1 || sources > SOURCES.length || articles < 1 || batch < 1 || threads < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--sources is 1 to " + SOURCES.length + "; --articles, --batch and --threads at least 1");
        }
        if (postgres != null) {
            try (ArchivePostgres pg = ArchivePostgres.start(postgres, 0, true)) {
                System.err.println("archive: embedded PostgreSQL on " + postgres + " at " + pg.jdbcUrl());
                int status = generate(pg.jdbcUrl());
                long started = System.nanoTime();
                pg.vacuumAnalyse();
                System.err.printf(Locale.ROOT, "archive: VACUUM (ANALYZE) in %.0f s%n", (System.nanoTime() - started) / 1e9);
                return status;
            }
        }
        return generate(db.startsWith("jdbc:") ? db : "jdbc:sqlite:" + db);
    }

    private int generate(String url) throws Exception {
        long started = System.nanoTime();
        try (Store store = Store.open(bulkSession(url))) {
            List<Long> sourceIds = new ArrayList<>();
            for (int s = 0; s < sources; s++) {
                String name = SOURCES[s];
                Source source = store.source(name).orElseGet(() -> store.addSource(name,
                        List.of("https://" + name + ".example/feed.xml"), List.of(), ExtractRules.NONE));
                sourceIds.add(source.id());
            }
            // the application's analysers on an imported version, trace indexing aside (a figure of its own)
            VersionRecorder recorder = new VersionRecorder(store, List.of(new ChangeFacets(store)));
            ArchiveText texts = new ArchiveText(seed);
            long batches = (articles + batch - 1) / batch;
            AtomicLong next = new AtomicLong();
            AtomicLong versions = new AtomicLong();
            Progress progress = Progress.start("archive", articles);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(() -> {
                        for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                            versions.addAndGet(writeBatch(store, recorder, texts, sourceIds, b));
                            progress.advance(Math.min(batch, articles - b * batch));
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
            } finally {
                pool.shutdown();
            }
            double secs = (System.nanoTime() - started) / 1e9;
            progress.finish(String.format(Locale.ROOT, "%,d versions written (%.0f versions/s); the store holds %,d articles, %,d versions",
                    versions.get(), versions.get() / secs, store.articleCount(), store.versionCount()));
            if (url.startsWith("jdbc:sqlite:")) {
                Path file = Path.of(url.substring("jdbc:sqlite:".length()));
                System.err.printf(Locale.ROOT, "archive: %s is %,d MB%n", file, Files.size(file) >> 20);
            }
        }
        return 0;
    }

    /**
     * On PostgreSQL, the generator's own sessions commit without waiting for the WAL flush
     * ({@code synchronous_commit=off}: a crash loses at most the last moments' batches, which a rerun
     * adds again, and never corrupts); the server's other sessions keep the default.
     */
    static String bulkSession(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "options=-c%20synchronous_commit%3Doff";
    }

    /** Writes batch {@code b} (articles b·batch to b·batch + batch − 1) in one transaction; returns the versions written. */
    private long writeBatch(Store store, VersionRecorder recorder, ArchiveText texts, List<Long> sourceIds, long b) {
        List<String> urls = new ArrayList<>(batch);
        for (long i = b * batch; i < Math.min(articles, (b + 1) * batch); i++) {
            urls.add(url(i));
        }
        Set<String> stored = store.articlesByUrl(urls).keySet(); // written by an earlier run (one query per batch)
        List<VersionRecorder.ArchivedHistory> histories = new ArrayList<>(batch);
        for (long i = b * batch; i < Math.min(articles, (b + 1) * batch); i++) {
            String url = url(i);
            if (stored.contains(url)) {
                continue;
            }
            Instant published = START.plusMillis(SPAN.toMillis() * i / articles);
            List<VersionRecorder.Archived> entries = texts.history(i, published).stream()
                    .map(seen -> new VersionRecorder.Archived(new Observation(seen.at(), seen.text(), null), null))
                    .toList();
            histories.add(new VersionRecorder.ArchivedHistory(url, sourceIds.get((int) (i % sources)), entries));
        }
        return histories.isEmpty() ? 0 : recorder.recordHistories(histories).stream().mapToLong(List::size).sum();
    }

    private String url(long i) {
        String source = SOURCES[(int) (i % sources)];
        return "https://" + source + ".example/news/" + i;
    }
}
