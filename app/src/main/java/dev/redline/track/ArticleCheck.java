package dev.redline.track;

import dev.redline.article.ArticleText;
import dev.redline.change.Unpublishing;
import dev.redline.extract.ExtractRules;
import dev.redline.extract.Extracted;
import dev.redline.extract.PageVerdict;
import dev.redline.feed.UrlCanonicalizer;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.FetchResult;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.Validators;
import dev.redline.ingest.Observation;
import dev.redline.ingest.Recorded;
import dev.redline.ingest.Slice;
import dev.redline.learning.BoilerplateLearner;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStatus;
import dev.redline.store.CheckOutcome;
import dev.redline.store.EventKind;
import dev.redline.store.FetchState;
import dev.redline.store.LearningRules;
import dev.redline.store.Outcome;
import dev.redline.store.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check of one article, for the {@link Tracker}: fetch with conditional GET, skip extraction
 * when the body is the one that held the latest version, extract with the source's rules and
 * learned boilerplate ({@link BoilerplateLearner}, which also learns from each article's first
 * version; an article keeps the lens pinned at its first read, so its body hash stays valid), compare
 * through the recorder's {@link Slice}, and decide the outcome and schedule. Everything the check
 * writes (events, the version, the outcome) goes into the worker's slice, committed with the others.
 * Thread-safe: each worker passes its own slice.
 */
final class ArticleCheck {
    private static final Logger log = LoggerFactory.getLogger(ArticleCheck.class);

    /** Outcomes that show an unpublished article's page again. */
    private static final Set<Outcome> RETURNS = EnumSet.of(Outcome.NEW_VERSION, Outcome.UNCHANGED, Outcome.NOT_MODIFIED,
            Outcome.FLIP_FLOP);

    private final Store store;
    private final Fetcher fetcher;
    private final Clock clock;
    private final TrackerConfig config;
    /** Reads pages through what their source taught, and counts each article's first version towards it. */
    private final BoilerplateLearner learner;

    ArticleCheck(Store store, Fetcher fetcher, Clock clock, TrackerConfig config) {
        this.store = store;
        this.fetcher = fetcher;
        this.clock = clock;
        this.config = config;
        this.learner = new BoilerplateLearner(store, store.learnedLines(), LearningRules.DEFAULT);
    }

    /** Forgets the cached extraction rules and learned lines (at the start of each round: a rule edit applies from the next). */
    void newRound() {
        learner.refresh();
    }

    /**
     * Commits a worker's slice: the WARC captures its versions name are flushed first, and after the
     * commit the next reads see what its first versions taught.
     */
    void commit(Slice slice) {
        fetcher.flushArchive();
        Set<Long> taught = slice.taughtSources();
        slice.commit();
        learner.taught(taught);
    }

    /** Checks one article this worker holds and queues what it found and how it ended in {@code slice}. */
    Outcome check(Article article, Slice slice, RoundCounts counts) {
        counts.add(RoundCounts.Count.CHECKS);
        FetchState state;
        CheckOutcome outcome;
        try {
            state = store.fetchState(article.id());
            outcome = checkArticle(article, state, slice, counts);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // a bug, a database hiccup or a hostile page exhausting memory or stack on one article must
            // not stop the round; what that check allocated is garbage now, and the lease is released below
            log.warn("check of {} failed", article.url(), e);
            state = store.fetchState(article.id());
            outcome = failure(state, null, "internal error: " + e, counts);
        }
        if (state.unpublished() && RETURNS.contains(outcome.outcome())) {
            slice.event(new ArticleEvent(article.id(), outcome.at(), EventKind.REPUBLISHED,
                    "the article is back (" + outcome.outcome() + ")"));
        }
        slice.finish(article, outcome);
        return outcome.outcome();
    }

    private CheckOutcome checkArticle(Article article, FetchState state, Slice slice, RoundCounts counts) {
        // without a stored version a 304 would hide the text we never captured
        Validators validators = article.versionCount() == 0 ? Validators.NONE
                : new Validators(state.etag(), state.lastModified());
        FetchResult r;
        try {
            r = fetcher.fetch(URI.create(article.url()), validators);
        } catch (FetchException e) {
            // only a real disallow ends tracking; an unreachable robots.txt or a refused address is temporary
            if (e.reason() == FetchException.Reason.ROBOTS_DISALLOWED) {
                counts.add(RoundCounts.Count.DISALLOWED);
                Instant now = clock.instant();
                slice.event(new ArticleEvent(article.id(), now, EventKind.DISALLOWED, e.getMessage()));
                return new CheckOutcome(now, null, Outcome.DISALLOWED, e.getMessage(), null, ArticleStatus.SETTLED, state);
            }
            return failure(state, null, e.getMessage(), counts);
        }
        Instant now = r.fetchedAt();
        if (r.notModified()) {
            return unchanged(state, r, Outcome.NOT_MODIFIED, state.bodyHash(), counts);
        }
        if (r.status() == 404 || r.status() == 410) {
            counts.add(RoundCounts.Count.GONE);
            slice.event(new ArticleEvent(article.id(), now, EventKind.GONE, "HTTP " + r.status()));
            return new CheckOutcome(now, r.status(), Outcome.GONE, null, null, ArticleStatus.GONE, state);
        }
        if (!r.ok()) {
            return failure(state, r.status(), "HTTP " + r.status() + " from " + article.url(), counts);
        }
        // only a seen article can be taken down; before its first version a redirect is just where it lives
        if (article.versionCount() > 0 && Unpublishing.redirectedToFront(article.url(), r.finalUri().toString())) {
            return unpublished(article, state, r, "redirected to " + r.finalUri(), slice, counts);
        }
        String bodyHash = bodyHash(r.body(), learner.rulesOf(article));
        if (article.versionCount() > 0 && bodyHash.equals(state.bodyHash())) {
            // the very bytes that held the latest version: it would extract to the same text
            return unchanged(state, r, Outcome.UNCHANGED, bodyHash, counts);
        }
        BoilerplateLearner.Reading reading = learner.read(article, r.body(), r.contentType(), r.finalUri().toString());
        if (reading.pin()) {
            slice.pinLens(article.id(), reading.lens().ordinal());
        }
        Extracted extracted = reading.page().extracted();
        String notice = article.versionCount() == 0 ? null : Unpublishing.removalNotice(extracted.title(),
                extracted.found() ? extracted.text() : pageText(r));
        if (notice != null) {
            return unpublished(article, state, r, "the page says: " + notice, slice, counts);
        }
        String canonical = UrlCanonicalizer.preferDeclared(r.finalUri().toString(), extracted.url());
        if (!canonical.equals(article.url())) {
            CheckOutcome moved = moved(article, canonical, reading, bodyHash, state, r, slice, counts);
            if (moved != null) {
                return moved;
            }
        }
        return extractedOutcome(article, reading, bodyHash, state, r, slice, counts);
    }

    /** SHA-256 of the extraction rules and the body: equal hashes extract to equal texts. */
    static String bodyHash(byte[] body, ExtractRules rules) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(rules.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The visible text of a page that holds no article (a removal notice, say), as jsoup reads it. */
    private static String pageText(FetchResult r) {
        try {
            Document page = Jsoup.parse(new ByteArrayInputStream(r.body()), null, r.finalUri().toString());
            return page.body() == null ? "" : page.body().text();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a page held in memory", e);
        }
    }

    /**
     * Taken down without a 404/410 (a redirect to the front page, a removal notice): an event when
     * it happens, and the article stays tracked on the quiet schedule (at least
     * {@link Schedule#maxBackoff()} apart, growing as for an unchanged page, settled like any quiet
     * article), because a maintenance redirect or a notice put up by mistake may end, and an outage
     * never ends tracking. The article's own validators are kept for when it comes back.
     */
    private CheckOutcome unpublished(Article article, FetchState state, FetchResult r, String detail, Slice slice,
                                     RoundCounts counts) {
        counts.add(RoundCounts.Count.GONE);
        if (!state.unpublished()) {
            slice.event(new ArticleEvent(article.id(), r.fetchedAt(), EventKind.UNPUBLISHED, detail));
        }
        Schedule schedule = config.schedule();
        Duration grown = schedule.afterUnchanged(state.interval());
        Duration interval = grown.compareTo(schedule.maxBackoff()) < 0 ? schedule.maxBackoff() : grown;
        FetchState next = new FetchState(state.etag(), state.lastModified(), interval, state.unchangedStreak() + 1, 0,
                null, true);
        boolean settled = schedule.settled(interval);
        return new CheckOutcome(r.fetchedAt(), r.status(), Outcome.UNPUBLISHED, null,
                settled ? null : r.fetchedAt().plus(interval), settled ? ArticleStatus.SETTLED : ArticleStatus.ACTIVE, next);
    }

    private CheckOutcome extractedOutcome(Article article, BoilerplateLearner.Reading reading, String bodyHash,
                                          FetchState state, FetchResult r, Slice slice, RoundCounts counts) {
        Extracted extracted = reading.page().extracted();
        if (extracted.verdict().kind() == PageVerdict.Kind.UNREADABLE) {
            // a broken or oversized response is a failure of this fetch, retried with back-off
            return failure(state, r.status(), "no article on the page: " + extracted.reason(), counts);
        }
        if (!extracted.found()) {
            return notArticle(article, extracted.verdict(), state, r, slice, counts);
        }
        CheckOutcome stored = compareAndStore(article, extracted.toArticleText(), bodyHash, state, r, slice, counts);
        if (stored.outcome() == Outcome.NEW_VERSION) {
            // counted in the slice's transaction: a slice that fails teaches nothing and is re-done
            learner.lesson(article, reading.page(), r.fetchedAt()).ifPresent(slice::teach);
        }
        return stored;
    }

    /**
     * The page stands in the article's place (an error, paywall, consent or login page, or no text):
     * an event with the reason, once per change of reason, and no version; the article is checked
     * again on its schedule, since the real page usually comes back. However short, a page judged to
     * be the article is never sent here.
     */
    private CheckOutcome notArticle(Article article, PageVerdict verdict, FetchState state, FetchResult r, Slice slice,
                                    RoundCounts counts) {
        List<ArticleEvent> events = store.events(article.id());
        ArticleEvent last = events.isEmpty() ? null : events.getLast();
        if (last == null || last.kind() != EventKind.NOT_ARTICLE || !last.detail().equals(verdict.reason())) {
            slice.event(new ArticleEvent(article.id(), r.fetchedAt(), EventKind.NOT_ARTICLE, verdict.reason()));
        }
        // a stand-in page is not the article coming back: an unpublished article stays so
        return unchanged(state, r, Outcome.NOT_ARTICLE, null, state.unpublished(), counts);
    }

    private CheckOutcome compareAndStore(Article article, ArticleText text, String bodyHash, FetchState state,
                                         FetchResult r, Slice slice, RoundCounts counts) {
        Instant now = r.fetchedAt();
        Schedule schedule = config.schedule();
        Recorded recorded = slice.record(article, new Observation(now, text, r.captureRef()));
        return switch (recorded) {
            case Recorded.Unchanged u -> unchanged(state, r, Outcome.UNCHANGED, bodyHash, counts);
            case Recorded.FlipFlop f -> {
                counts.add(RoundCounts.Count.FLIP_FLOPS);
                yield new CheckOutcome(now, r.status(), Outcome.FLIP_FLOP, null, now.plus(schedule.afterChange()),
                        ArticleStatus.ACTIVE, new FetchState(r.etag(), r.lastModified(), schedule.afterChange(), 0, 0));
            }
            case Recorded.Queued q -> newVersion(r, bodyHash, counts);
            case Recorded.Stored s -> newVersion(r, bodyHash, counts);
        };
    }

    private CheckOutcome newVersion(FetchResult r, String bodyHash, RoundCounts counts) {
        counts.add(RoundCounts.Count.NEW_VERSIONS);
        Schedule schedule = config.schedule();
        FetchState fresh = new FetchState(r.etag(), r.lastModified(), schedule.afterChange(), 0, 0, bodyHash, false);
        return new CheckOutcome(r.fetchedAt(), r.status(), Outcome.NEW_VERSION, null, r.fetchedAt().plus(fresh.interval()),
                ArticleStatus.ACTIVE, fresh);
    }

    /**
     * The page's canonical URL differs from the article's. Before the first version the article is
     * only an alias: its canonical URL becomes (or already is) the article, and this one is closed.
     * Later, the move is noted once and versions keep going to this article. Returns null to go on.
     */
    private CheckOutcome moved(Article article, String canonical, BoilerplateLearner.Reading reading, String bodyHash,
                               FetchState state, FetchResult r, Slice slice, RoundCounts counts) {
        Instant now = r.fetchedAt();
        if (article.versionCount() > 0) {
            List<ArticleEvent> events = store.events(article.id());
            boolean noted = events.stream().anyMatch(e -> e.kind() == EventKind.REDIRECTED && e.detail().equals(canonical));
            if (!noted) {
                slice.event(new ArticleEvent(article.id(), now, EventKind.REDIRECTED, canonical));
            }
            return null;
        }
        boolean existed = store.articleByUrl(canonical).isPresent();
        Article target = store.upsertArticle(canonical, article.sourceId(), now);
        if (!existed) {
            // The page in hand is the new article's first version: keep it rather than fetch it again
            // (it may have changed by then). The article was created just now, so no other worker is
            // likely to hold it; if one does, its check finds this text and stores nothing twice.
            slice.pinLens(target.id(), reading.lens().ordinal()); // read with the lens its page was read with
            slice.finish(target, extractedOutcome(target, reading, bodyHash, store.fetchState(target.id()), r, slice,
                    counts));
        }
        slice.event(new ArticleEvent(article.id(), now, existed ? EventKind.DUPLICATE : EventKind.MOVED, canonical));
        counts.add(RoundCounts.Count.GONE);
        return new CheckOutcome(now, r.status(), existed ? Outcome.DUPLICATE : Outcome.MOVED, null, null, ArticleStatus.GONE,
                state);
    }

    private CheckOutcome unchanged(FetchState state, FetchResult r, Outcome outcome, String bodyHash, RoundCounts counts) {
        return unchanged(state, r, outcome, bodyHash, false, counts);
    }

    private CheckOutcome unchanged(FetchState state, FetchResult r, Outcome outcome, String bodyHash, boolean unpublished,
                                   RoundCounts counts) {
        counts.add(RoundCounts.Count.UNCHANGED);
        Schedule schedule = config.schedule();
        // an unpublished article's page back is news: its schedule starts again
        Duration interval = state.unpublished() && !unpublished ? schedule.afterChange()
                : schedule.afterUnchanged(state.interval());
        FetchState next = new FetchState(r.etag() != null ? r.etag() : state.etag(),
                r.lastModified() != null ? r.lastModified() : state.lastModified(), interval,
                state.unchangedStreak() + 1, 0, bodyHash, unpublished);
        Instant now = r.fetchedAt();
        if (schedule.settled(interval)) {
            return new CheckOutcome(now, r.status(), outcome, null, null, ArticleStatus.SETTLED, next);
        }
        return new CheckOutcome(now, r.status(), outcome, null, now.plus(interval), ArticleStatus.ACTIVE, next);
    }

    private CheckOutcome failure(FetchState state, Integer status, String error, RoundCounts counts) {
        counts.add(RoundCounts.Count.ERRORS);
        int failures = state.failures() + 1;
        Instant now = clock.instant();
        // the body hash and the unpublished mark stay: a failed fetch saw nothing new
        FetchState next = new FetchState(state.etag(), state.lastModified(), state.interval(), state.unchangedStreak(),
                failures, state.bodyHash(), state.unpublished());
        return new CheckOutcome(now, status, Outcome.ERROR, error, now.plus(config.schedule().afterFailure(failures)),
                ArticleStatus.FAILING, next);
    }
}
