package dev.redline.trace;

import dev.redline.article.ArticleText;
import dev.redline.article.PlainText;
import dev.redline.diff.Diff;
import dev.redline.diff.SplitText;
import dev.redline.fingerprint.ArticleShingles;
import dev.redline.fingerprint.Fingerprint;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.ingest.Recording;
import dev.redline.ingest.VersionAnalyser;
import dev.redline.json.Json;
import dev.redline.provenance.Attribution;
import dev.redline.provenance.Passage;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.EventKind;
import dev.redline.store.Store;
import dev.redline.store.TracePostings;
import dev.redline.store.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces copied text back to the tracked article and the exact version it copies. Entry point of
 * {@code dev.redline.trace}. Thread-safe (the store and the index are; the tracer holds no mutable
 * state).
 *
 * <p>A trace runs in two stages, both in {@link SourceFinder}. <b>Candidates</b>: the copy's winnowed
 * anchors and MinHash LSH band keys are looked up in the {@link TraceIndex}; anchors carried by many
 * articles (a source's own boilerplate) are ignored. <b>Verification</b>: the best proposed
 * candidates are compared with the copy by exact shingle sets ({@link Verdict}), or by their
 * figures and names in order when no five-word run survives; the version each reported match
 * carries is then decided from the article's history ({@code provenance.Attribution}). Matches
 * below the {@link Floor} are not reported. A store whose index lacks stored versions is repaired
 * by {@link #reindex} (or in the background, {@link IndexRepair}).
 *
 * <p>As a {@link VersionAnalyser} on the recording path, every stored version (tracked or imported)
 * is indexed and then traced against the other articles. When the new version of an article reuses
 * an <em>earlier</em> version of an article of another source (at least {@value #REUSE_MIN_COVERAGE} of the new version found there,
 * and the article did not carry that text itself before the other version appeared),
 * the relation is recorded on both articles as events {@link EventKind#REUSES} and {@link EventKind#REUSED_BY},
 * whose detail is the JSON of a {@link Reuse}.
 */
public final class Tracer implements VersionAnalyser {
    /** Share of a new version that must come from another source's earlier version to record reuse. */
    public static final double REUSE_MIN_COVERAGE = ReuseRule.MIN_COVERAGE;
    /** Candidate articles proposed per query (see {@link SourceFinder}). */
    static final int MAX_CANDIDATES = SourceFinder.MAX_CANDIDATES;
    /** Articles whose prepared histories (shingles, passages, the diffs of consecutive versions) are kept. */
    static final int HISTORY_CACHE = 512;
    /** Shingles the reuse search keeps (8 bytes each: 32 MB; about 25,000 versions of news length). */
    static final long SHINGLE_CACHE = 4_000_000;
    /** Articles read per page by {@link #reindex}. */
    public static final int REINDEX_PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Tracer.class);

    private final Store store;
    private final TraceIndex index;
    private final Fingerprinter fingerprinter;
    private final Floor floor;
    private final SourceFinder finder;
    private final ShingleCache shingles = new ShingleCache(SHINGLE_CACHE);
    private final ReuseSearch reuse;

    public Tracer(Store store) {
        this(store, new TraceIndex(store.tracePostings()), Fingerprinter.DEFAULT, Floor.DEFAULT);
    }

    public Tracer(Store store, TraceIndex index, Fingerprinter fingerprinter, Floor floor) {
        this.store = store;
        this.index = index;
        this.fingerprinter = fingerprinter;
        this.floor = floor;
        this.finder = new SourceFinder(index, fingerprinter, floor, new SourceFinder.Histories() {
            @Override
            public int versionCount(long articleId) {
                return store.article(articleId).map(Article::versionCount).orElse(0);
            }

            @Override
            public List<Version> versions(long articleId) {
                return store.versions(articleId);
            }

            @Override
            public Map<Long, ArticleShingles> shingles(Collection<Long> articleIds) {
                return index.articleShingles(articleIds);
            }

            @Override
            public List<SplitText> splits(List<Version> versions) {
                return store.splits().splits(versions); // kept when each version was recorded
            }
        }, HISTORY_CACHE);
        this.reuse = new ReuseSearch(store, index, fingerprinter, floor, finder, shingles);
    }

    public Floor floor() {
        return floor;
    }

    /** Indexes one stored version (no-op when already indexed); true when it was added. */
    public boolean index(Version version) {
        return index.add(version.articleId(), version.id(), fingerprinter.of(version.text()));
    }

    /**
     * Repairs the index: indexes every stored version not yet in it (stores imported before the
     * index existed, or emptied by a change of fingerprint), one transaction per page of
     * {@value #REINDEX_PAGE} articles, fingerprinting in parallel; then checks each newly indexed version
     * for reuse of another source's earlier version, as tracking does, recording what it finds.
     * {@code stop} is asked between pages: once true, the repair ends after the page in progress; a
     * later call resumes (indexed versions are skipped), though the reuse check of versions indexed
     * by the stopped run is not repeated.
     *
     * @param onVersion called with the number of versions visited, in each of the two passes (so
     *                  twice the stored versions in all)
     * @return how many versions were newly indexed
     */
    public long reindex(LongConsumer onVersion) {
        return reindex(onVersion, () -> false);
    }

    /** As {@link #reindex(LongConsumer)}, stopping between pages once {@code stop} says so. */
    public long reindex(LongConsumer onVersion, BooleanSupplier stop) {
        Object lock = new Object();
        LongConsumer progress = n -> {
            synchronized (lock) { // the reuse pass reports from several threads
                onVersion.accept(n);
            }
        };
        long[] added = indexStored(progress, stop);
        if (added.length == 0) {
            progress.accept(store.versionCount()); // nothing new to check for reuse: the second pass is done
        } else {
            recordReuseOf(added, progress, stop);
        }
        return added.length;
    }

    /**
     * The first pass of {@link #reindex}: indexes every stored version not in the index, one bulk
     * transaction per page of {@value #REINDEX_PAGE} articles, whose versions are read in one query
     * and fingerprinted in parallel, an article's versions together (they share most paragraphs,
     * which are tokenised once). Public for the bulk benchmark.
     *
     * @return the ids of the versions newly indexed, sorted
     */
    public long[] indexStored(LongConsumer onVersions, BooleanSupplier stop) {
        List<Long> addedIds = new ArrayList<>();
        long after = 0;
        List<Article> articles;
        // keyset paging by id: appends (which move an article in the by-activity order) cannot make it skip one
        while (!stop.getAsBoolean() && !(articles = store.articlesAfter(after, REINDEX_PAGE)).isEmpty()) {
            Map<Long, List<Version>> stored = store.versionsOf(articles.stream().map(Article::id).toList());
            // one query per page says which are indexed already, so a resumed repair skips them cheaply
            Set<Long> indexed = index.indexedAmong(stored.values().stream().flatMap(List::stream).mapToLong(Version::id).toArray());
            Map<Long, Integer> shingled = index.shingledVersions(stored.keySet());
            // an article whose shingle row is behind has every version fingerprinted again (the row is
            // rebuilt from them; the indexed ones add no postings), the others only their unindexed versions
            List<List<Version>> unindexed = articles.stream()
                    .map(a -> {
                        List<Version> versions = stored.getOrDefault(a.id(), List.of());
                        return shingled.getOrDefault(a.id(), -1) != versions.size() ? versions
                                : versions.stream().filter(v -> !indexed.contains(v.id())).toList();
                    })
                    .filter(versions -> !versions.isEmpty())
                    .toList();
            List<List<Fingerprint>> fingerprints = unindexed.parallelStream()
                    .map(versions -> fingerprinter.ofVersions(versions.stream().map(Version::text).toList()))
                    .toList();
            // one bulk writer and transaction per page, closed before anything else runs: the write lock
            // is never held while others (a serving process appending versions) wait for it
            try (TracePostings.Bulk bulk = index.bulk()) {
                for (int a = 0; a < unindexed.size(); a++) {
                    for (int i = 0; i < unindexed.get(a).size(); i++) {
                        Version version = unindexed.get(a).get(i);
                        if (bulk.add(version.articleId(), version.id(), fingerprints.get(a).get(i))) {
                            addedIds.add(version.id());
                        }
                    }
                }
                bulk.commit();
            }
            onVersions.accept(stored.values().stream().mapToLong(List::size).sum());
            after = articles.getLast().id();
        }
        // a sorted array of ids, not the versions: memory stays at a few bytes per version on a big archive
        return addedIds.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * The second pass of {@link #reindex}: checks each of the {@code added} versions (sorted ids) for
     * reuse of another source's earlier version, as tracking does, articles in parallel (each one's
     * versions in order, so one article's reuse events are written by one thread).
     */
    public void recordReuseOf(long[] added, LongConsumer onVersions, BooleanSupplier stop) {
        long after = 0;
        List<Article> articles;
        while (!stop.getAsBoolean() && !(articles = store.articlesAfter(after, REINDEX_PAGE)).isEmpty()) {
            Map<Long, List<Version>> stored = store.versionsOf(articles.stream().map(Article::id).toList());
            articles.parallelStream().forEach(article -> {
                List<Version> versions = stored.getOrDefault(article.id(), List.of()).stream()
                        .filter(v -> Arrays.binarySearch(added, v.id()) >= 0)
                        .toList();
                List<Fingerprint> fingerprints = fingerprinter.ofVersions(versions.stream().map(Version::text).toList());
                for (int i = 0; i < versions.size(); i++) {
                    reuse.record(versions.get(i), fingerprints.get(i));
                }
                onVersions.accept(stored.getOrDefault(article.id(), List.of()).size());
            });
            after = articles.getLast().id();
        }
    }

    /** Stored versions not in the index (stored before the index existed); 0 when up to date. */
    public long unindexedVersions() {
        return Math.max(0, store.versionCount() - index.indexedVersions());
    }

    /**
     * Articles whose stored shingle sets are missing or behind (indexed before migration V46, or a
     * version's indexing failed): traced correctly but more slowly, from their versions' text, until
     * {@link #reindex} rebuilds their rows; 0 when up to date.
     */
    public long staleShingleRows() {
        return index.staleShingleRows();
    }

    /** Traces free text in the plain-text version format ({@link PlainText}: first line the headline). */
    public TraceResult trace(String text, int limit) {
        return trace(PlainText.parse(text), limit);
    }

    /** Traces an article's text (e.g. extracted from a copier's page); at most {@code limit} matches. */
    public TraceResult trace(ArticleText copy, int limit) {
        return trace(copy, limit, true);
    }

    /** As {@link #trace(ArticleText, int)}; without the diff ({@code diff} null) when only the match is wanted. */
    TraceResult trace(ArticleText copy, int limit, boolean withDiff) {
        Fingerprint fingerprint = fingerprinter.of(copy);
        Passage copied = Passage.of(copy);
        List<TraceMatch> matches = new ArrayList<>();
        for (SourceFinder.Found found : finder.find(fingerprint, copied, null, limit)) {
            Article article = store.article(found.articleId()).orElse(null);
            if (article != null) {
                matches.add(toMatch(article, found, copy, copied, fingerprint, withDiff));
            }
        }
        return new TraceResult(matches);
    }

    private TraceMatch toMatch(Article article, SourceFinder.Found found, ArticleText copy, Passage copied,
                               Fingerprint fingerprint, boolean withDiff) {
        Attribution attribution = finder.attribute(found, copied);
        SourceFinder.Prepared prepared = found.prepared();
        Version version = prepared.versions().get(attribution.version());
        long[] versionShingles = prepared.shingles(attribution.version(), fingerprinter);
        int shared = Fingerprint.intersectionSize(fingerprint.shingles(), versionShingles);
        return new TraceMatch(article.url(), store.sourceName(article.sourceId()), version.text().title(), version.number(),
                version.fetchedAt(), attribution.consistent(), (double) shared / fingerprint.shingles().length,
                versionShingles.length == 0 ? 0 : (double) shared / versionShingles.length,
                copied.keywordsInOrder(prepared.passages().get(attribution.version())), attribution.evidence(),
                withDiff ? Diff.compare(store.splits().split(version), SplitText.of(copy), null, null) : null); // the version's kept split
    }

    /** The recording hook for one version: {@link #analyseAll} of it alone. */
    @Override
    public void analyse(Recording recording) {
        analyseAll(List.of(recording));
    }

    /**
     * The recording hook: indexes the stored versions (a slice's, an import's) in one transaction,
     * then checks each for reuse of other sources' earlier versions ({@link ReuseSearch}), in order.
     * Never throws: a version left unindexed (the write failed) is indexed and checked by the
     * repair ({@link #reindex}, {@link IndexRepair}), which also covers a crash between the two.
     */
    @Override
    public void analyseAll(List<Recording> recordings) {
        List<TracePostings.Entry> entries = new ArrayList<>(recordings.size());
        for (Recording recording : recordings) {
            Version version = recording.version();
            Fingerprint fingerprint = fingerprinter.of(version.text());
            shingles.put(version.id(), fingerprint.shingles()); // shingled once: the reuse searches of later versions compare with it
            entries.add(new TracePostings.Entry(version.articleId(), version.id(), fingerprint));
        }
        try {
            index.addAll(entries);
        } catch (RuntimeException e) {
            // the versions are stored whatever happens here; the missing index entries are repaired by reindex
            LOG.warn("trace index: could not index {} version(s) from version {} of article {}: {}", entries.size(),
                    recordings.getFirst().version().number(), recordings.getFirst().version().articleId(), e.toString());
            return;
        }
        for (int i = 0; i < recordings.size(); i++) {
            Version version = recordings.get(i).version();
            try {
                reuse.record(version, entries.get(i).fingerprint());
            } catch (RuntimeException e) {
                LOG.warn("trace index: could not check version {} of article {} for reuse: {}", version.number(),
                        version.articleId(), e.toString());
            }
        }
    }

    /**
     * Records one reuse as the two events {@code reuses} and {@code reused-by}, unless the copy
     * article already records reuse of that source version (the tracker and {@code redline import
     * --format reuse} both load links through here).
     *
     * @param at when the copy version was seen
     * @return false when it was already recorded
     */
    public static boolean record(Store store, Reuse reuse, Instant at) {
        boolean known = store.events(reuse.copyArticle()).stream()
                .filter(e -> e.kind() == EventKind.REUSES)
                .map(e -> Json.MAPPER.readValue(e.detail(), Reuse.class))
                .anyMatch(r -> r.sourceArticle() == reuse.sourceArticle() && r.sourceVersion() == reuse.sourceVersion());
        if (known) {
            return false;
        }
        String detail = Json.write(reuse);
        store.recordEvent(new ArticleEvent(reuse.copyArticle(), at, EventKind.REUSES, detail));
        store.recordEvent(new ArticleEvent(reuse.sourceArticle(), at, EventKind.REUSED_BY, detail));
        return true;
    }
}
