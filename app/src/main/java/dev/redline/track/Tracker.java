package dev.redline.track;

import dev.redline.article.ArticleText;
import dev.redline.change.Unpublishing;
import dev.redline.extract.Extracted;
import dev.redline.extract.PageVerdict;
import dev.redline.feed.Feed;
import dev.redline.feed.FeedEntry;
import dev.redline.feed.FeedException;
import dev.redline.feed.FeedReader;
import dev.redline.feed.HubLinks;
import dev.redline.feed.UrlCanonicalizer;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.FetchResult;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.Validators;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.Observation;
import dev.redline.ingest.Recorded;
import dev.redline.ingest.VersionRecorder;
import dev.redline.learning.BoilerplateLearner;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStatus;
import dev.redline.store.CheckOutcome;
import dev.redline.store.EventKind;
import dev.redline.store.FeedTask;
import dev.redline.store.FetchState;
import dev.redline.store.LearningRules;
import dev.redline.store.Outcome;
import dev.redline.store.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the news: polls due feeds and sitemaps to discover articles, checks due articles (fetch
 * with conditional GET, extract with the source's rules and learned boilerplate
 * ({@link BoilerplateLearner}, which also learns from each article's first version; a rule edit
 * applies from the next round), compare normalised title, byline and body
 * with the latest version) and hands what it saw to the {@link VersionRecorder}, which stores a new
 * version only when something changed (A/B/A flip-flops become events, boring changes are stored
 * and flagged). 404/410 make an article gone, robots.txt makes it
 * settled, both with an event; network errors make it failing with back-off. Every check ends with
 * {@link Store#finishCheck}, which schedules the next one ({@link Schedule}).
 *
 * <p>Work is claimed from the store with leases, so any number of trackers (threads of one process
 * or processes on many machines sharing a PostgreSQL store) can run at once without checking an
 * article twice; politeness per host is shared through the store's host slots by the
 * {@link Fetcher}. Thread-safe.
 */
public final class Tracker {
    private static final Logger log = LoggerFactory.getLogger(Tracker.class);
    private static final int MAX_CHILD_SITEMAPS = 50;

    private final Store store;
    private final Fetcher fetcher;
    private final VersionRecorder recorder;
    private final Discovery discovery;
    /** Both stateless and thread-safe. */
    private final FeedReader feedReader = new FeedReader();
    /** Reads pages through what their source taught, and counts each article's first version towards it. */
    private final BoilerplateLearner learner;
    private final Clock clock;
    private final TrackerConfig config;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Consumer<Outcome> checkListener = outcome -> { };
    private volatile BiConsumer<FeedTask, HubLinks> feedListener = (task, links) -> { };

    /** Outcome counters of one round, indexed by {@link Count}. */
    private enum Count { FEEDS, FEED_ERRORS, NEW_ARTICLES, CHECKS, NEW_VERSIONS, UNCHANGED, FLIP_FLOPS, GONE, DISALLOWED, ERRORS }

    /**
     * A tracker over {@code store}, fetching with {@code fetcher}, adding the articles feeds name
     * through {@code discovery} and storing what it sees through {@code recorder} (whose analysers
     * then see every new version).
     */
    public Tracker(Store store, Fetcher fetcher, Discovery discovery, VersionRecorder recorder, Clock clock,
                   TrackerConfig config) {
        this.store = store;
        this.fetcher = fetcher;
        this.recorder = recorder;
        this.discovery = discovery;
        this.clock = clock;
        this.config = config;
        this.learner = new BoilerplateLearner(store, store.learnedLines(), LearningRules.DEFAULT);
    }

    /** Called with each finished check's outcome ({@link Outcome#NEW_VERSION}, {@link Outcome#UNCHANGED}, …), e.g. for progress output. */
    public void onCheck(Consumer<Outcome> listener) {
        this.checkListener = Objects.requireNonNull(listener);
    }

    /** Called after each feed read with the WebSub hub and self links it named (Link headers first), e.g. to subscribe. */
    public void onFeedRead(BiConsumer<FeedTask, HubLinks> listener) {
        this.feedListener = Objects.requireNonNull(listener);
    }

    public TrackerConfig config() {
        return config;
    }

    /**
     * One round: poll every due feed, then check every article due at the moment feed polling
     * ended (with {@code all}, every active or failing article whatever its schedule), each once.
     */
    public PollSummary pollOnce(boolean all) {
        AtomicLongArray counts = new AtomicLongArray(Count.values().length);
        learner.refresh();
        pollDueFeeds(counts);
        Instant cutoff = clock.instant();
        checkDueArticles(cutoff, all, counts);
        return summary(counts);
    }

    /**
     * Polls and checks continuously until {@link #stop()} (or interruption), waiting
     * {@link TrackerConfig#idleWait()} (wall time) whenever a round found nothing to do.
     * {@code roundListener} sees each round's summary.
     */
    public void run(Consumer<PollSummary> roundListener) {
        stopped.set(false);
        while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
            PollSummary round;
            try {
                round = pollOnce(false);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // a round that fails as a whole (the database unreachable or locked, memory short) must
                // not end the loop: claimed work is released by its lease, the next round tries again
                log.error("poll round failed; next round after {}", config.idleWait(), e);
                idle();
                continue;
            }
            roundListener.accept(round);
            if (round.feedsPolled() == 0 && round.checks() == 0) {
                idle();
            }
        }
    }

    private void idle() {
        try {
            Thread.sleep(config.idleWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks a running {@link #run} loop to end after its current round. */
    public void stop() {
        stopped.set(true);
    }

    /**
     * Follows one URL without a feed: adds it (canonicalised) and checks it now.
     *
     * @return the article and what the check found
     * @throws dev.redline.error.BadInput when the URL is not an absolute http(s) URL
     */
    public TrackResult track(String url, Long sourceId) {
        Article article = discovery.follow(url, sourceId);
        AtomicLongArray counts = new AtomicLongArray(Count.values().length);
        Outcome outcome = check(article, config.workerId(), counts);
        return new TrackResult(store.article(article.id()).orElse(article), outcome);
    }

    /** What {@link #track} did: the article as stored now, and the check's outcome. */
    public record TrackResult(Article article, Outcome outcome) {
    }

    // --- feeds -----------------------------------------------------------------------------------

    private void pollDueFeeds(AtomicLongArray counts) {
        while (true) {
            List<FeedTask> tasks = store.claimDueFeeds(clock.instant(), config.batchSize(), config.workerId(),
                    config.lease());
            if (tasks.isEmpty()) {
                return;
            }
            runParallel(tasks, task -> pollFeed(task, counts));
        }
    }

    private void pollFeed(FeedTask task, AtomicLongArray counts) {
        counts.incrementAndGet(Count.FEEDS.ordinal());
        Integer status = null;
        String error = null;
        String etag = null;
        String lastModified = null;
        int found = 0;
        try {
            FetchResult r = fetcher.fetch(URI.create(task.url()), new Validators(task.etag(), task.lastModified()));
            status = r.status();
            if (r.ok()) {
                etag = r.etag();
                lastModified = r.lastModified();
                Feed feed = feedReader.read(r.body(), r.contentType(), r.finalUri().toString());
                List<FeedEntry> entries = new ArrayList<>(feed.entries());
                for (String child : feed.sitemaps().stream().limit(MAX_CHILD_SITEMAPS).toList()) {
                    FetchResult c = fetcher.fetch(URI.create(child));
                    if (c.ok()) {
                        entries.addAll(feedReader.read(c.body(), c.contentType(), c.finalUri().toString()).entries());
                    }
                }
                found = discovery.ingest(task.sourceId(), entries);
                feedListener.accept(task, HubLinks.fromHeaders(r.links(), r.finalUri().toString()).or(feed.hubLinks()));
            } else if (!r.notModified()) {
                error = "HTTP " + r.status() + " from feed " + task.url();
            }
        } catch (FetchException | FeedException | IllegalArgumentException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            log.warn("feed poll of {} failed", task.url(), e);
            error = "internal error: " + e;
        }
        if (error != null) {
            counts.incrementAndGet(Count.FEED_ERRORS.ordinal());
            log.info("feed {}: {}", task.url(), error);
        }
        counts.addAndGet(Count.NEW_ARTICLES.ordinal(), found);
        Instant now = clock.instant();
        store.finishFeedPoll(task, config.workerId(), now, status, error, etag, lastModified, found,
                now.plus(config.feedInterval()));
    }

    // --- articles ---------------------------------------------------------------------------------

    private void checkDueArticles(Instant cutoff, boolean all, AtomicLongArray counts) {
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(config.threads())) {
            for (int t = 0; t < config.threads(); t++) {
                String workerId = config.workerId() + "/" + t;
                workers.add(pool.submit(() -> {
                    while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
                        List<Article> claimed = store.claimDueArticles(cutoff, config.batchSize(), workerId,
                                config.lease(), all);
                        if (claimed.isEmpty()) {
                            return;
                        }
                        for (Article a : claimed) {
                            check(a, workerId, counts);
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("article worker failed: " + e.getCause(), e.getCause());
        }
    }

    private <T> void runParallel(List<T> items, Consumer<T> action) {
        if (config.threads() == 1 || items.size() == 1) {
            items.forEach(action);
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.threads(), items.size()))) {
            items.forEach(item -> pool.submit(() -> {
                try {
                    action.accept(item);
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    // a failed item (e.g. the store refusing a write) must not vanish silently; its lease expires
                    log.error("tracker task failed for {}", item, e);
                }
            }));
        }
    }

    /** Checks one article this worker holds and records the outcome; returns what it found. */
    private Outcome check(Article article, String workerId, AtomicLongArray counts) {
        counts.incrementAndGet(Count.CHECKS.ordinal());
        CheckOutcome outcome;
        try {
            outcome = checkArticle(article, workerId, counts);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // a bug, a database hiccup or a hostile page exhausting memory or stack on one article must
            // not stop the round; what that check allocated is garbage now, and the lease is released below
            log.warn("check of {} failed", article.url(), e);
            FetchState state = store.fetchState(article.id());
            outcome = failure(state, null, "internal error: " + e, counts);
        }
        store.finishCheck(article.id(), workerId, outcome);
        checkListener.accept(outcome.outcome());
        return outcome.outcome();
    }

    private CheckOutcome checkArticle(Article article, String workerId, AtomicLongArray counts) {
        FetchState state = store.fetchState(article.id());
        Schedule schedule = config.schedule();
        // without a stored version a 304 would hide the text we never captured
        Validators validators = article.versionCount() == 0 ? Validators.NONE
                : new Validators(state.etag(), state.lastModified());
        FetchResult r;
        try {
            r = fetcher.fetch(URI.create(article.url()), validators);
        } catch (FetchException e) {
            // only a real disallow ends tracking; an unreachable robots.txt or a refused address is temporary
            if (e.reason() == FetchException.Reason.ROBOTS_DISALLOWED) {
                counts.incrementAndGet(Count.DISALLOWED.ordinal());
                Instant now = clock.instant();
                store.recordEvent(new ArticleEvent(article.id(), now, EventKind.DISALLOWED, e.getMessage()));
                return new CheckOutcome(now, null, Outcome.DISALLOWED, e.getMessage(), null, ArticleStatus.SETTLED, state);
            }
            return failure(state, null, e.getMessage(), counts);
        }
        Instant now = r.fetchedAt();
        if (r.notModified()) {
            return unchanged(article, state, r, Outcome.NOT_MODIFIED, counts);
        }
        if (r.status() == 404 || r.status() == 410) {
            counts.incrementAndGet(Count.GONE.ordinal());
            store.recordEvent(new ArticleEvent(article.id(), now, EventKind.GONE, "HTTP " + r.status()));
            return new CheckOutcome(now, r.status(), Outcome.GONE, null, null, ArticleStatus.GONE, state);
        }
        if (!r.ok()) {
            return failure(state, r.status(), "HTTP " + r.status() + " from " + article.url(), counts);
        }
        // only a seen article can be taken down; before its first version a redirect is just where it lives
        if (article.versionCount() > 0 && Unpublishing.redirectedToFront(article.url(), r.finalUri().toString())) {
            return unpublished(article, state, r, "redirected to " + r.finalUri(), counts);
        }
        BoilerplateLearner.Reading reading = learner.read(article, r.body(), r.contentType(), r.finalUri().toString());
        Extracted extracted = reading.page().extracted();
        String notice = article.versionCount() == 0 ? null : Unpublishing.removalNotice(extracted.title(),
                extracted.found() ? extracted.text() : pageText(r));
        if (notice != null) {
            return unpublished(article, state, r, "the page says: " + notice, counts);
        }
        String canonical = UrlCanonicalizer.preferDeclared(r.finalUri().toString(), extracted.url());
        if (!canonical.equals(article.url())) {
            CheckOutcome moved = moved(article, canonical, reading, state, r, workerId, counts);
            if (moved != null) {
                return moved;
            }
        }
        return extractedOutcome(article, reading, state, r, counts);
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

    /** Taken down without a 404/410: noted as an event, and like a 404 the article is not checked again. */
    private CheckOutcome unpublished(Article article, FetchState state, FetchResult r, String detail, AtomicLongArray counts) {
        counts.incrementAndGet(Count.GONE.ordinal());
        store.recordEvent(new ArticleEvent(article.id(), r.fetchedAt(), EventKind.UNPUBLISHED, detail));
        return new CheckOutcome(r.fetchedAt(), r.status(), Outcome.GONE, null, null, ArticleStatus.GONE, state);
    }

    private CheckOutcome extractedOutcome(Article article, BoilerplateLearner.Reading reading, FetchState state,
                                          FetchResult r, AtomicLongArray counts) {
        Extracted extracted = reading.page().extracted();
        if (extracted.verdict().kind() == PageVerdict.Kind.UNREADABLE) {
            // a broken or oversized response is a failure of this fetch, retried with back-off
            return failure(state, r.status(), "no article on the page: " + extracted.reason(), counts);
        }
        if (!extracted.found()) {
            return notArticle(article, extracted.verdict(), state, r, counts);
        }
        CheckOutcome stored = compareAndStore(article, extracted.toArticleText(), state, r, counts, config.schedule());
        if (stored.outcome() == Outcome.NEW_VERSION) {
            learner.learn(article, reading.page(), r.fetchedAt());
        }
        return stored;
    }

    /**
     * The page stands in the article's place (an error, paywall, consent or login page, or no text):
     * an event with the reason, once per change of reason, and no version; the article is checked
     * again on its schedule, since the real page usually comes back. However short, a page judged to
     * be the article is never sent here.
     */
    private CheckOutcome notArticle(Article article, PageVerdict verdict, FetchState state, FetchResult r,
                                    AtomicLongArray counts) {
        List<ArticleEvent> events = store.events(article.id());
        ArticleEvent last = events.isEmpty() ? null : events.getLast();
        if (last == null || last.kind() != EventKind.NOT_ARTICLE || !last.detail().equals(verdict.reason())) {
            store.recordEvent(new ArticleEvent(article.id(), r.fetchedAt(), EventKind.NOT_ARTICLE, verdict.reason()));
        }
        return unchanged(article, state, r, Outcome.NOT_ARTICLE, counts);
    }

    private CheckOutcome compareAndStore(Article article, ArticleText text, FetchState state, FetchResult r,
                                         AtomicLongArray counts, Schedule schedule) {
        Instant now = r.fetchedAt();
        FetchState fresh = new FetchState(r.etag(), r.lastModified(), schedule.afterChange(), 0, 0);
        Recorded recorded = recorder.record(article, new Observation(now, text, r.captureRef()));
        return switch (recorded) {
            case Recorded.Unchanged u -> unchanged(article, state, r, Outcome.UNCHANGED, counts);
            case Recorded.FlipFlop f -> {
                counts.incrementAndGet(Count.FLIP_FLOPS.ordinal());
                yield new CheckOutcome(now, r.status(), Outcome.FLIP_FLOP, null, now.plus(fresh.interval()),
                        ArticleStatus.ACTIVE, fresh);
            }
            case Recorded.Stored stored -> {
                counts.incrementAndGet(Count.NEW_VERSIONS.ordinal());
                yield new CheckOutcome(now, r.status(), Outcome.NEW_VERSION, null, now.plus(fresh.interval()),
                        ArticleStatus.ACTIVE, fresh);
            }
        };
    }

    /**
     * The page's canonical URL differs from the article's. Before the first version the article is
     * only an alias: its canonical URL becomes (or already is) the article, and this one is closed.
     * Later, the move is noted once and versions keep going to this article. Returns null to go on.
     */
    private CheckOutcome moved(Article article, String canonical, BoilerplateLearner.Reading reading, FetchState state,
                               FetchResult r, String workerId, AtomicLongArray counts) {
        Instant now = r.fetchedAt();
        if (article.versionCount() > 0) {
            List<ArticleEvent> events = store.events(article.id());
            boolean noted = events.stream().anyMatch(e -> e.kind() == EventKind.REDIRECTED && e.detail().equals(canonical));
            if (!noted) {
                store.recordEvent(new ArticleEvent(article.id(), now, EventKind.REDIRECTED, canonical));
            }
            return null;
        }
        boolean existed = store.articleByUrl(canonical).isPresent();
        Article target = store.upsertArticle(canonical, article.sourceId(), now);
        if (!existed) {
            // The page in hand is the new article's first version: keep it rather than fetch it again
            // (it may have changed by then). The article was created just now, so no other worker is
            // likely to hold it; if one does, its check finds this text and stores nothing twice.
            learner.adopt(target, reading.lens());
            store.finishCheck(target.id(), workerId,
                    extractedOutcome(target, reading, store.fetchState(target.id()), r, counts));
        }
        store.recordEvent(new ArticleEvent(article.id(), now, existed ? EventKind.DUPLICATE : EventKind.MOVED, canonical));
        counts.incrementAndGet(Count.GONE.ordinal());
        return new CheckOutcome(now, r.status(), existed ? Outcome.DUPLICATE : Outcome.MOVED, null, null, ArticleStatus.GONE, state);
    }

    private CheckOutcome unchanged(Article article, FetchState state, FetchResult r, Outcome outcome,
                                   AtomicLongArray counts) {
        counts.incrementAndGet(Count.UNCHANGED.ordinal());
        Schedule schedule = config.schedule();
        Duration interval = schedule.afterUnchanged(state.interval());
        FetchState next = new FetchState(r.etag() != null ? r.etag() : state.etag(),
                r.lastModified() != null ? r.lastModified() : state.lastModified(), interval,
                state.unchangedStreak() + 1, 0);
        Instant now = r.fetchedAt();
        if (schedule.settled(interval)) {
            return new CheckOutcome(now, r.status(), outcome, null, null, ArticleStatus.SETTLED, next);
        }
        return new CheckOutcome(now, r.status(), outcome, null, now.plus(interval), ArticleStatus.ACTIVE, next);
    }

    private CheckOutcome failure(FetchState state, Integer status, String error, AtomicLongArray counts) {
        counts.incrementAndGet(Count.ERRORS.ordinal());
        int failures = state.failures() + 1;
        Instant now = clock.instant();
        FetchState next = new FetchState(state.etag(), state.lastModified(), state.interval(), state.unchangedStreak(),
                failures);
        return new CheckOutcome(now, status, Outcome.ERROR, error, now.plus(config.schedule().afterFailure(failures)),
                ArticleStatus.FAILING, next);
    }

    private static PollSummary summary(AtomicLongArray c) {
        return new PollSummary(c.get(Count.FEEDS.ordinal()), c.get(Count.FEED_ERRORS.ordinal()),
                c.get(Count.NEW_ARTICLES.ordinal()), c.get(Count.CHECKS.ordinal()), c.get(Count.NEW_VERSIONS.ordinal()),
                c.get(Count.UNCHANGED.ordinal()), c.get(Count.FLIP_FLOPS.ordinal()), c.get(Count.GONE.ordinal()),
                c.get(Count.DISALLOWED.ordinal()), c.get(Count.ERRORS.ordinal()));
    }
}
