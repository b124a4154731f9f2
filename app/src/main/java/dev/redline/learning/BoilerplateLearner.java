package dev.redline.learning;

import dev.redline.extract.ExtractRules;
import dev.redline.extract.Extractor;
import dev.redline.extract.LearnedLines;
import dev.redline.extract.SourceReading;
import dev.redline.store.Article;
import dev.redline.store.LearnedLine;
import dev.redline.store.LearnedLineStore;
import dev.redline.store.LearningRules;
import dev.redline.store.Source;
import dev.redline.store.SourceStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Thread-safe: the cache of known lines per source is a concurrent map of immutable values,
 * dropped for a source when one of its articles taught something here, and for all by
 * {@link #refresh()} (the tracker calls it every round, for what other workers learned).
 */
public final class BoilerplateLearner {
    private static final Logger log = LoggerFactory.getLogger(BoilerplateLearner.class);
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

    /** An extraction and the lens it was made with. */
    public record Reading(SourceReading page, Lens lens) {
    }

    /**
     * Extracts a page of {@code article} with its source's extraction rules, through its lens,
     * pinning the lens on the article's first read (before its first version is stored).
     */
    public Reading read(Article article, byte[] body, String contentType, String url) {
        Lens lens = lensFor(article);
        return new Reading(EXTRACTOR.extractForSource(body, contentType, url, rulesOf(article), lens.lines()), lens);
    }

    private ExtractRules rulesOf(Article article) {
        if (article.sourceId() == null) {
            return ExtractRules.NONE;
        }
        return rulesBySource.computeIfAbsent(article.sourceId(),
                id -> sources.source(id).map(Source::rules).orElse(ExtractRules.NONE));
    }

    /** The lens an article is read with: its pinned one, or (before its first version) the source's latest, pinned now. */
    public Lens lensFor(Article article) {
        if (article.sourceId() == null) {
            return Lens.NONE;
        }
        Known known = known(article.sourceId(), 0);
        int ordinal;
        if (article.versionCount() == 0) {
            ordinal = store.pinLens(article.id(), known.ordinal());
        } else {
            OptionalInt pinned = store.lens(article.id());
            if (pinned.isEmpty()) {
                return Lens.NONE; // first read before learning existed: it stays as it was read
            }
            ordinal = pinned.getAsInt();
        }
        return new Lens(ordinal, known(article.sourceId(), ordinal).at(ordinal, this.rules));
    }

    /** Reads {@code target} (an article just found under another URL) with the lens its page was read with. */
    public void adopt(Article target, Lens lens) {
        store.pinLens(target.id(), lens.ordinal());
    }

    /**
     * Counts the page of an article's first stored version towards its source; later versions and
     * pages that are not the article teach nothing.
     */
    public LearnedLineStore.Counted learn(Article article, SourceReading page, Instant at) {
        if (article.sourceId() == null || article.versionCount() > 0 || !page.extracted().found()) {
            return LearnedLineStore.Counted.ALREADY;
        }
        try {
            LearnedLineStore.Counted counted = store.count(article.sourceId(), article.id(), page.lines(), rules, at);
            if (counted == LearnedLineStore.Counted.COUNTED) {
                // the next article of this source is read with what this one taught
                bySource.remove(article.sourceId());
            }
            return counted;
        } catch (RuntimeException e) {
            // the version is stored; a failed count only means this article teaches nothing
            log.warn("learning from article {} failed", article.id(), e);
            return LearnedLineStore.Counted.ALREADY;
        }
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
