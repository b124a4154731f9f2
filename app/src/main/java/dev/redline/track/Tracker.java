package dev.redline.track;

import dev.redline.feed.Feed;
import dev.redline.feed.FeedEntry;
import dev.redline.feed.FeedException;
import dev.redline.feed.FeedReader;
import dev.redline.feed.HubLinks;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.FetchResult;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.Validators;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.Slice;
import dev.redline.ingest.VersionRecorder;
import dev.redline.store.Article;
import dev.redline.store.FeedTask;
import dev.redline.store.Outcome;
import dev.redline.store.Store;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the news: polls due feeds and sitemaps to discover articles, checks due articles (one
 * {@link ArticleCheck} each: conditional GET, extraction with the source's rules and learned
 * boilerplate unless the body is the one that held the latest version, comparison with the latest
 * version) and hands what it saw to the {@link VersionRecorder}, which stores a new version only
 * when something changed (A/B/A flip-flops become events, boring changes are stored and flagged).
 * 404/410 make an article gone, robots.txt makes it settled, both with an event; an unpublished
 * article (a redirect to the front page, a removal notice) stays tracked on the quiet schedule;
 * network errors make it failing with back-off. Each worker records the checks of one claim as a
 * {@link Slice}: their writes are committed in one transaction, which also schedules the next
 * checks ({@link Schedule}); a kill before that loses only the slice, whose leases expire and hand
 * it out again.
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
    private final ArticleCheck articleCheck;
    /** Stateless and thread-safe. */
    private final FeedReader feedReader = new FeedReader();
    private final Clock clock;
    private final TrackerConfig config;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Consumer<Outcome> checkListener = outcome -> { };
    private volatile BiConsumer<FeedTask, HubLinks> feedListener = (task, links) -> { };

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
        this.articleCheck = new ArticleCheck(store, fetcher, clock, config);
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
        RoundCounts counts = new RoundCounts();
        articleCheck.newRound();
        pollDueFeeds(counts);
        Instant cutoff = clock.instant();
        checkDueArticles(cutoff, all, counts);
        return counts.summary();
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
        Slice slice = recorder.slice(config.workerId());
        Outcome outcome = articleCheck.check(article, slice, new RoundCounts());
        articleCheck.commit(slice);
        checkListener.accept(outcome);
        return new TrackResult(store.article(article.id()).orElse(article), outcome);
    }

    /** What {@link #track} did: the article as stored now, and the check's outcome. */
    public record TrackResult(Article article, Outcome outcome) {
    }

    // --- feeds -----------------------------------------------------------------------------------

    private void pollDueFeeds(RoundCounts counts) {
        while (true) {
            List<FeedTask> tasks = store.claimDueFeeds(clock.instant(), config.batchSize(), config.workerId(),
                    config.lease());
            if (tasks.isEmpty()) {
                return;
            }
            runParallel(tasks, task -> pollFeed(task, counts));
        }
    }

    private void pollFeed(FeedTask task, RoundCounts counts) {
        counts.add(RoundCounts.Count.FEEDS);
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
            counts.add(RoundCounts.Count.FEED_ERRORS);
            log.info("feed {}: {}", task.url(), error);
        }
        counts.add(RoundCounts.Count.NEW_ARTICLES, found);
        Instant now = clock.instant();
        store.finishFeedPoll(task, config.workerId(), now, status, error, etag, lastModified, found,
                now.plus(config.feedInterval()));
    }

    // --- articles ---------------------------------------------------------------------------------

    private void checkDueArticles(Instant cutoff, boolean all, RoundCounts counts) {
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
                        // one slice per claim: the checks' writes are committed together, then analysed
                        Slice slice = recorder.slice(workerId);
                        List<Outcome> outcomes = new ArrayList<>(claimed.size());
                        for (Article a : claimed) {
                            outcomes.add(articleCheck.check(a, slice, counts));
                        }
                        articleCheck.commit(slice); // every capture the slice's versions name is written before they are
                        outcomes.forEach(checkListener);
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

}
