package dev.redline.trace;

import dev.redline.article.ArticleText;
import dev.redline.article.PlainText;
import dev.redline.diff.Diff;
import dev.redline.diff.SplitText;
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
import java.util.List;
import java.util.Objects;
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
    /** Articles read per page by {@link #reindex}. */
    static final int REINDEX_PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Tracer.class);

    private final Store store;
    private final TraceIndex index;
    private final Fingerprinter fingerprinter;
    private final Floor floor;
    private final SourceFinder finder;

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
            public List<SplitText> splits(List<Version> versions) {
                return store.splits().splits(versions); // kept when each version was recorded
            }
        }, HISTORY_CACHE);
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
        List<Long> addedIds = new ArrayList<>();
        long after = 0;
        List<Article> articles;
        // keyset paging by id: appends (which move an article in the by-activity order) cannot make it skip one
        while (!stop.getAsBoolean() && !(articles = store.articlesAfter(after, REINDEX_PAGE)).isEmpty()) {
            List<Version> stored = articles.stream().flatMap(a -> store.versions(a.id()).stream()).toList();
            // one query per page says which are indexed already, so a resumed repair skips them cheaply
            Set<Long> indexed = index.indexedAmong(stored.stream().mapToLong(Version::id).toArray());
            List<Version> versions = stored.stream().filter(v -> !indexed.contains(v.id())).toList();
            List<Fingerprint> fingerprints = versions.parallelStream().map(v -> fingerprinter.of(v.text())).toList();
            // one bulk writer and transaction per page, closed before anything else runs: the write lock
            // is never held while others (a serving process appending versions) wait for it
            try (TracePostings.Bulk bulk = index.bulk()) {
                for (int i = 0; i < versions.size(); i++) {
                    if (bulk.add(versions.get(i).articleId(), versions.get(i).id(), fingerprints.get(i))) {
                        addedIds.add(versions.get(i).id());
                    }
                }
                bulk.commit();
            }
            progress.accept(stored.size());
            after = articles.getLast().id();
        }
        // a sorted array of ids, not the versions: memory stays at a few bytes per version on a big archive
        long[] added = addedIds.stream().mapToLong(Long::longValue).sorted().toArray();
        after = 0;
        while (added.length > 0 && !stop.getAsBoolean() && !(articles = store.articlesAfter(after, REINDEX_PAGE)).isEmpty()) {
            // articles in parallel, each one's versions in order: one article's reuse events are written by one thread
            articles.parallelStream().forEach(article -> {
                for (Version version : store.versions(article.id())) {
                    if (Arrays.binarySearch(added, version.id()) >= 0) {
                        recordReuse(version, fingerprinter.of(version.text()));
                    }
                }
                progress.accept(article.versionCount());
            });
            after = articles.getLast().id();
        }
        if (added.length == 0) {
            progress.accept(store.versionCount()); // nothing new to check for reuse: the second pass is done
        }
        return added.length;
    }

    /** Stored versions not in the index (stored before the index existed); 0 when up to date. */
    public long unindexedVersions() {
        return Math.max(0, store.versionCount() - index.indexedVersions());
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
        long[] versionShingles = prepared.shingles(fingerprinter).get(attribution.version());
        int shared = Fingerprint.intersectionSize(fingerprint.shingles(), versionShingles);
        return new TraceMatch(article.url(), store.sourceName(article.sourceId()), version.text().title(), version.number(),
                version.fetchedAt(), attribution.consistent(), (double) shared / fingerprint.shingles().length,
                versionShingles.length == 0 ? 0 : (double) shared / versionShingles.length,
                copied.keywordsInOrder(prepared.passages().get(attribution.version())), attribution.evidence(),
                withDiff ? Diff.compare(store.splits().split(version), SplitText.of(copy), null, null) : null); // the version's kept split
    }

    /**
     * The recording hook: indexes the stored version, then looks for reuse of other sources' earlier
     * versions. Never throws.
     */
    @Override
    public void analyse(Recording recording) {
        Version version = recording.version();
        try {
            Fingerprint fingerprint = fingerprinter.of(version.text());
            index.add(version.articleId(), version.id(), fingerprint);
            recordReuse(version, fingerprint);
        } catch (RuntimeException e) {
            // the version is stored whatever happens here; a missing index entry is repaired by reindex
            LOG.warn("trace index: could not index version {} of article {}: {}", version.number(),
                    version.articleId(), e.toString());
        }
    }

    private void recordReuse(Version version, Fingerprint fingerprint) {
        Article copier = store.article(version.articleId()).orElse(null);
        if (copier == null) {
            return;
        }
        List<Version> ownVersions = null;
        Passage copied = null;
        for (SourceFinder.Found found : finder.find(fingerprint, null, copier.id(), MAX_CANDIDATES)) {
            // reuse between tracked sources is recorded for shared text, not for a paraphrase; and the
            // coverage is checked before the (costlier) attribution of the version
            if (found.verdict() == null || found.verdict().coverage() < REUSE_MIN_COVERAGE) {
                continue;
            }
            Article source = store.article(found.articleId()).orElse(null);
            boolean otherSource = source != null && (copier.sourceId() == null || source.sourceId() == null
                    || !Objects.equals(copier.sourceId(), source.sourceId()));
            if (!otherSource) {
                continue;
            }
            copied = copied == null ? Passage.of(version.text()) : copied;
            Version original = found.prepared().versions().get(finder.attribute(found, copied).version());
            if (!ReuseRule.reuses(found.verdict(), original.fetchedAt(), version.fetchedAt())) {
                continue;
            }
            if (ownVersions == null) {
                ownVersions = store.versions(copier.id());
            }
            if (hadItFirst(ownVersions, original, fingerprint, found.verdict().shared())) {
                continue;
            }
            record(store, new Reuse(copier.id(), copier.url(), version.number(), source.id(),
                    source.url(), original.number(), found.verdict().coverage(), found.verdict().containment()),
                    version.fetchedAt());
        }
    }

    /** {@link ReuseRule#hadItFirst} over the copy article's versions seen before {@code other}. */
    private boolean hadItFirst(List<Version> ownVersions, Version other, Fingerprint fingerprint, int sharedWithOther) {
        List<long[]> earlier = ownVersions.stream()
                .filter(v -> v.fetchedAt().isBefore(other.fetchedAt()))
                .map(v -> fingerprinter.shingles(v.text()))
                .toList();
        return ReuseRule.hadItFirst(fingerprint.shingles(), earlier, sharedWithOther);
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
