package dev.redline.trace;

import dev.redline.article.ArticleText;
import dev.redline.article.PlainText;
import dev.redline.diff.Diff;
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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces copied text back to the tracked article and the exact version it copies. Entry point of
 * {@code dev.redline.trace}. Thread-safe (the store and the index are; the tracer holds no mutable
 * state).
 *
 * <p>A trace runs in two stages. <b>Candidates</b>: the copy's winnowed anchors and MinHash LSH band
 * keys are looked up in the {@link TraceIndex}; anchors carried by many articles (a source's own
 * boilerplate) are ignored. <b>Verification</b>: for each candidate article, every stored version is
 * compared with the copy by exact shingle sets ({@link Verdict}); the version sharing the most text
 * wins, the earliest one on a tie. Matches below the {@link Floor} are not reported.
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
    /** Candidates (best proposed first) checked by keywords when none shares text with the copy. */
    static final int MAX_KEYWORD_CANDIDATES = 10;
    /** Candidate articles verified per query. */
    static final int MAX_CANDIDATES = 25;
    /** Articles read per page by {@link #reindex}. */
    static final int REINDEX_PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Tracer.class);

    private final Store store;
    private final TraceIndex index;
    private final Fingerprinter fingerprinter;
    private final Floor floor;

    public Tracer(Store store) {
        this(store, new TraceIndex(store.tracePostings()), Fingerprinter.DEFAULT, Floor.DEFAULT);
    }

    public Tracer(Store store, TraceIndex index, Fingerprinter fingerprinter, Floor floor) {
        this.store = store;
        this.index = index;
        this.fingerprinter = fingerprinter;
        this.floor = floor;
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
     *
     * @param onVersion called with the number of versions visited, in each of the two passes (so
     *                  twice the stored versions in all)
     * @return how many versions were newly indexed
     */
    public long reindex(LongConsumer onVersion) {
        List<Long> addedIds = new ArrayList<>();
        long after = 0;
        List<Article> articles;
        // keyset paging by id: appends (which move an article in the by-activity order) cannot make it skip one
        while (!(articles = store.articlesAfter(after, REINDEX_PAGE)).isEmpty()) {
            List<Version> versions = articles.stream().flatMap(a -> store.versions(a.id()).stream())
                    .filter(v -> !index.isIndexed(v.id())).toList();
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
            onVersion.accept(articles.stream().mapToLong(Article::versionCount).sum());
            after = articles.getLast().id();
        }
        // a sorted array of ids, not the versions: memory stays at a few bytes per version on a big archive
        long[] added = addedIds.stream().mapToLong(Long::longValue).sorted().toArray();
        after = 0;
        while (!(articles = store.articlesAfter(after, REINDEX_PAGE)).isEmpty()) {
            for (Article article : articles) {
                for (Version version : store.versions(article.id())) {
                    if (Arrays.binarySearch(added, version.id()) >= 0) {
                        recordReuse(version, fingerprinter.of(version.text()));
                    }
                }
                onVersion.accept(article.versionCount());
            }
            after = articles.getLast().id();
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
        return new TraceResult(matches(copy, fingerprint, null, limit).stream()
                .map(m -> toMatch(m, copy, fingerprint, withDiff)).toList());
    }

    /**
     * A verified source: the article, its versions, the shingle verdict (null when no five-word run
     * is shared, as in a spun copy) and, when the shingles alone do not clear the floor, the share of
     * the copy's runs of three keywords its best version carries.
     */
    private record Found(Article article, List<Version> versions, Verdict verdict, double keywordShare) {
        /** The larger of the shingle coverage and the keyword-run share: how much of the copy this article explains. */
        double strength() {
            return Math.max(verdict == null ? 0 : verdict.coverage(), keywordShare);
        }

        int shared() {
            return verdict == null ? 0 : verdict.shared();
        }
    }

    private List<Found> matches(ArticleText copy, Fingerprint fingerprint, Long excludeArticleId, int limit) {
        if (fingerprint.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        List<Found> unclear = new ArrayList<>();
        for (Candidate candidate : index.candidates(fingerprint, excludeArticleId, MAX_CANDIDATES)) {
            Article article = store.article(candidate.articleId()).orElse(null);
            if (article == null) {
                continue;
            }
            List<Version> versions = store.versions(article.id());
            Verdict verdict = Verdict.of(fingerprint.shingles(),
                    versions.stream().map(v -> fingerprinter.shingles(v.text())).toList());
            (verdict != null && verdict.clears(floor) ? found : unclear).add(new Found(article, versions, verdict, 0));
        }
        if (found.isEmpty()) {
            // no shared text: a spun or heavily edited copy, matched by its figures and names in order;
            // only then, and only for the best proposed candidates, since it costs a pass over every version
            Passage copied = Passage.of(copy);
            for (Found f : unclear.subList(0, Math.min(unclear.size(), MAX_KEYWORD_CANDIDATES))) {
                int keywords = 0;
                double share = 0;
                for (Version v : f.versions()) {
                    Passage version = Passage.of(v.text());
                    keywords = Math.max(keywords, copied.keywordsInOrder(version));
                    share = Math.max(share, copied.keywordRunShareIn(version));
                }
                if (floor.clearsKeywords(keywords, share)) {
                    found.add(new Found(f.article(), f.versions(), f.verdict(), share));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingDouble(Found::strength).reversed()
                        .thenComparing(Comparator.comparingInt(Found::shared).reversed())
                        .thenComparingLong(f -> f.article().id()))
                .limit(limit)
                .toList();
    }

    /** The version the copy carries, from the article's history (see {@link Attribution}). */
    private static Attribution attribute(Found found, ArticleText copy) {
        return Attribution.of(found.versions().stream().map(Version::text).toList(), copy);
    }

    private TraceMatch toMatch(Found found, ArticleText copy, Fingerprint fingerprint, boolean withDiff) {
        Attribution attribution = attribute(found, copy);
        Version version = found.versions().get(attribution.version());
        String source = store.sourceName(found.article().sourceId());
        long[] versionShingles = fingerprinter.shingles(version.text());
        int shared = Fingerprint.intersectionSize(fingerprint.shingles(), versionShingles);
        return new TraceMatch(found.article().url(), source, version.text().title(), version.number(),
                version.fetchedAt(), attribution.consistent(), (double) shared / fingerprint.shingles().length,
                versionShingles.length == 0 ? 0 : (double) shared / versionShingles.length,
                Passage.of(copy).keywordsInOrder(Passage.of(version.text())), attribution.evidence(), withDiff ? Diff.compare(version.text(), copy) : null);
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
        for (Found found : matches(version.text(), fingerprint, copier.id(), MAX_CANDIDATES)) {
            if (found.verdict() == null) {
                continue; // reuse between tracked sources is recorded for shared text, not for a paraphrase
            }
            Version original = found.versions().get(attribute(found, version.text()).version());
            boolean otherSource = copier.sourceId() == null || found.article().sourceId() == null
                    || !Objects.equals(copier.sourceId(), found.article().sourceId());
            if (!otherSource || !ReuseRule.reuses(found.verdict(), original.fetchedAt(), version.fetchedAt())) {
                continue;
            }
            if (ownVersions == null) {
                ownVersions = store.versions(copier.id());
            }
            if (hadItFirst(ownVersions, original, fingerprint, found.verdict().shared())) {
                continue;
            }
            record(store, new Reuse(copier.id(), copier.url(), version.number(), found.article().id(),
                    found.article().url(), original.number(), found.verdict().coverage(), found.verdict().containment()),
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
