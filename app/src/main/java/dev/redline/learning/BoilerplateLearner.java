package dev.redline.learning;

import dev.redline.extract.ExtractRules;
import dev.redline.extract.Extractor;
import dev.redline.extract.LearnedLines;
import dev.redline.extract.SourceReading;
import dev.redline.store.Article;
import dev.redline.store.LearnedLine;
import dev.redline.store.LearnedLineStore;
import dev.redline.store.Lesson;
import dev.redline.store.LearningRules;
import dev.redline.store.Source;
import dev.redline.store.SourceStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns each source's boilerplate from the pages the tracker reads, and reads every page with its
 * source's extraction rules through what its source had learned. Entry point of
 * {@code dev.redline.learning}.
 *
 * <p><b>Lenses.</b> An article is read with the lens of the ordinal pinned at its first read (the
 * number of articles its source had taught then), for all its versions: a line that becomes
 * boilerplate later is still kept on that article's later versions, so no version differs from the
 * one before for anything but the page. The lens of an ordinal is rebuilt exactly from the stored
 * lines' ordinals ({@link LearnedLine#boilerplateAt}), so pins are one number and the choice is
 * recorded (in {@code learned_articles}), never retroactive: stored versions are not re-read.
 *
 * <p><b>Learning.</b> Only an article's first stored version teaches, once; a copy of an article
 * taught before (most of its paragraphs already seen) teaches nothing, and full paragraphs and
 * subheadings inside the article's span never become boilerplate ({@link
 * dev.redline.extract.PageLine#learnable}), so a source that syndicates one story on many pages
 * does not learn to cut it.
 *
 * <p>Pins and counts are the caller's to write with the check ({@link Reading#pin}, {@link #lesson}):
 * the tracker writes them in its slice's transaction, one commit for a slice of checks.
 *
 * <p>Thread-safe: the cache of known lines per source is a concurrent map of immutable values,
 * dropped for a source when lessons of it were committed ({@link #taught}), and for all by
 * {@link #refresh()} (the tracker calls it every round, for what other processes learned).
 */
public final class BoilerplateLearner {
    /** Stateless and thread-safe. */
    private static final Extractor EXTRACTOR = new Extractor();

    private final SourceStore sources;
    private final LearnedLineStore store;
    private final LearningRules rules;
    private final Map<Long, Known> bySource = new ConcurrentHashMap<>();
    /** Extraction rules by source id, until the next {@link #refresh()}. */
    private final Map<Long, ExtractRules> rulesBySource = new ConcurrentHashMap<>();

    /** A learner reading pages with the rules of {@code sources}, counting into {@code store} under {@code rules}. */
    public BoilerplateLearner(SourceStore sources, LearnedLineStore store, LearningRules rules) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * An extraction and the lens it was made with.
     *
     * @param pin whether the lens is the article's first and still has to be pinned (with the
     *            check's writes, {@code Slice.pinLens})
     */
    public record Reading(SourceReading page, Lens lens, boolean pin) {
    }

    /**
     * Extracts a page of {@code article} with its source's extraction rules, through its lens: the
     * pinned one, or on the article's first read (before its first version is stored) the source's
     * latest, which the caller pins ({@link Reading#pin}).
     */
    public Reading read(Article article, byte[] body, String contentType, String url) {
        OptionalInt pinned = article.sourceId() == null ? OptionalInt.empty() : store.lens(article.id());
        Lens lens;
        boolean pin = false;
        if (article.sourceId() == null) {
            lens = Lens.NONE;
        } else if (pinned.isPresent()) {
            lens = lensAt(article.sourceId(), pinned.getAsInt());
        } else if (article.versionCount() == 0) {
            lens = lensAt(article.sourceId(), known(article.sourceId(), 0).ordinal());
            pin = true;
        } else {
            lens = Lens.NONE; // first read before learning existed: it stays as it was read
        }
        return new Reading(EXTRACTOR.extractForSource(body, contentType, url, rulesOf(article), lens.lines()), lens, pin);
    }

    /** The extraction rules {@code article} is read with (its source's, cached until the next {@link #refresh()}). */
    public ExtractRules rulesOf(Article article) {
        if (article.sourceId() == null) {
            return ExtractRules.NONE;
        }
        return rulesBySource.computeIfAbsent(article.sourceId(),
                id -> sources.source(id).map(Source::rules).orElse(ExtractRules.NONE));
    }

    private Lens lensAt(long sourceId, int ordinal) {
        return new Lens(ordinal, known(sourceId, ordinal).at(ordinal, this.rules));
    }

    /**
     * What the page of an article's first stored version teaches its source, to be counted with the
     * check's writes ({@code Slice.teach}); empty for later versions and pages that are not the
     * article. After the commit, {@link #taught} lets the next reads see it.
     */
    public Optional<Lesson> lesson(Article article, SourceReading page, Instant at) {
        if (article.sourceId() == null || article.versionCount() > 0 || !page.extracted().found()) {
            return Optional.empty();
        }
        return Optional.of(new Lesson(article.sourceId(), article.id(), page.lines(), rules, at));
    }

    /** Drops the cached lines of {@code sourceIds} (their lessons are committed): the next article is read with them. */
    public void taught(Set<Long> sourceIds) {
        bySource.keySet().removeAll(sourceIds);
    }

    /** Drops the cached lines and rules, so the next reads see what was learned and edited since. */
    public void refresh() {
        bySource.clear();
        rulesBySource.clear();
    }

    /** The cached lines of a source, reloaded when an article is pinned past them. */
    private Known known(long sourceId, int needed) {
        Known cached = bySource.get(sourceId);
        if (cached == null || cached.ordinal() < needed) {
            // the ordinal is read before the lines, so the lines cover every lens up to it
            int ordinal = store.ordinal(sourceId);
            cached = new Known(ordinal, store.knownLines(sourceId), new ConcurrentHashMap<>());
            bySource.put(sourceId, cached);
        }
        return cached;
    }

    /** A source's known lines as loaded at {@code ordinal}, and the lenses built from them. */
    private record Known(int ordinal, List<LearnedLine> lines, Map<Integer, LearnedLines> lenses) {
        LearnedLines at(int lens, LearningRules rules) {
            return lenses.computeIfAbsent(lens, o -> {
                Set<Long> boilerplate = new HashSet<>();
                Set<Long> seenTwice = new HashSet<>();
                for (LearnedLine line : lines) {
                    if (line.boilerplateAt(o)) {
                        boilerplate.add(line.fingerprint());
                    }
                    if (line.knownAt(o)) {
                        seenTwice.add(line.fingerprint());
                    }
                }
                return o == 0 ? LearnedLines.NONE : new LearnedLines(boilerplate, seenTwice, o >= rules.rescueAfter());
            });
        }
    }
}
