package dev.redline.ingest;

import dev.redline.diff.SplitText;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.CheckOutcome;
import dev.redline.store.FinishedCheck;
import dev.redline.store.Lesson;
import dev.redline.store.NewVersion;
import dev.redline.store.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slice of a round's checks, recorded together: each check's decision is made at once (what
 * changed, flip-flop or not, from the stored history), its writes (events, the new version, the
 * check's outcome) wait here, and {@link #commit} writes them all in one transaction, then runs the
 * recorder's analysers on the versions it stored. A kill before the commit loses only this slice's
 * checks, which the leases hand out again; nothing half-written is left. Made by
 * {@link VersionRecorder#slice}; an article appears at most once per slice (its lease sees to that).
 * Not thread-safe: one per worker thread.
 */
public final class Slice {
    private static final Logger log = LoggerFactory.getLogger(Slice.class);

    private final VersionRecorder recorder;
    private final String workerId;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();

    /** One article's writes so far; {@code previous} is the version a queued one follows. */
    private static final class Pending {
        final long articleId;
        Long sourceId;
        final List<ArticleEvent> events = new ArrayList<>();
        NewVersion version;
        Version previous;
        SplitText split;
        CheckOutcome outcome;
        Integer lens;
        Lesson lesson;

        Pending(long articleId) {
            this.articleId = articleId;
        }

        FinishedCheck toCheck() {
            return new FinishedCheck(articleId, sourceId, events, version, outcome, lens, lesson);
        }
    }

    Slice(VersionRecorder recorder, String workerId) {
        this.recorder = recorder;
        this.workerId = Objects.requireNonNull(workerId, "workerId");
    }

    /**
     * Decides what the tracker saw on an article's page means ({@link VersionRecorder#record}'s
     * rules) and queues its writes: a new version comes back as {@link Recorded.Queued}.
     *
     * @param article the article as claimed (its version count says which version is latest)
     */
    public Recorded record(Article article, Observation seen) {
        VersionRecorder.Decision decision = recorder.decide(article, seen);
        Pending p = of(article.id());
        if (decision.flipFlop() != null) {
            p.events.add(decision.flipFlop());
        }
        if (decision.version() != null) {
            if (p.version != null) {
                throw new IllegalStateException("two versions of article " + article.id() + " in one slice");
            }
            p.version = decision.version();
            p.previous = decision.previous();
            p.split = decision.split();
        }
        return decision.recorded();
    }

    /** Queues an event the check noted. */
    public void event(ArticleEvent event) {
        of(event.articleId()).events.add(event);
    }

    /** Queues how the check of {@code article} ended (check log, schedule, fetch state; releases the lease). */
    public void finish(Article article, CheckOutcome outcome) {
        Pending p = of(article.id());
        p.sourceId = article.sourceId();
        p.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** Queues the pin of the lens an article was read with, unless it has one ({@code LearnedLineStore.pinLens}). */
    public void pinLens(long articleId, int ordinal) {
        of(articleId).lens = ordinal;
    }

    /**
     * Queues an article's first page to count towards its source ({@code LearnedLineStore.count}),
     * in the slice's transaction: a slice that fails teaches nothing, and is taught again when redone.
     */
    public void teach(Lesson lesson) {
        of(lesson.articleId()).lesson = lesson;
    }

    /** The sources that queued lessons teach (what a reader of their learned lines must load again after the commit). */
    public Set<Long> taughtSources() {
        Set<Long> sources = new HashSet<>();
        for (Pending p : pending.values()) {
            if (p.lesson != null) {
                sources.add(p.lesson.sourceId());
            }
        }
        return sources;
    }

    /** Whether nothing is queued. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    private Pending of(long articleId) {
        return pending.computeIfAbsent(articleId, Pending::new);
    }

    /**
     * Writes the slice in one transaction, then runs the analysers on each stored version. When the
     * transaction fails, each check is tried again alone, so one bad check costs only itself; a
     * check that fails alone too is logged and left to its lease (checked again once it expires). A
     * check that teaches and fails alone is written once more without its lesson: a failure to learn
     * never costs a version. A slice of one check throws its failure.
     * The slice is empty afterwards.
     *
     * @return the versions stored, in slice order
     */
    public List<Version> commit() {
        List<Pending> all = List.copyOf(pending.values());
        pending.clear();
        if (all.isEmpty()) {
            return List.of();
        }
        List<Pending> written = all;
        List<Version> stored;
        try {
            stored = recorder.store().finishChecks(workerId, all.stream().map(Pending::toCheck).toList());
        } catch (RuntimeException sliceFailed) {
            if (all.size() == 1 && all.getFirst().lesson == null) {
                throw sliceFailed;
            }
            if (all.size() == 1) {
                Pending only = all.getFirst();
                log.warn("learning from article {} failed ({}); storing its check without it", only.articleId,
                        sliceFailed.toString());
                only.lesson = null;
                stored = recorder.store().finishChecks(workerId, List.of(only.toCheck()));
                analyse(all, stored);
                return stored;
            }
            log.warn("writing a slice of {} checks failed ({}); writing them one by one", all.size(),
                    sliceFailed.toString());
            written = new ArrayList<>();
            stored = new ArrayList<>();
            for (Pending p : all) {
                if (writeAlone(p, stored)) {
                    written.add(p);
                }
            }
        }
        analyse(written, stored);
        return stored;
    }

    /**
     * Writes one check in a transaction of its own; when that fails and the check teaches, once
     * more without its lesson (the version matters more than what its page would teach).
     */
    private boolean writeAlone(Pending p, List<Version> stored) {
        try {
            stored.addAll(recorder.store().finishChecks(workerId, List.of(p.toCheck())));
            return true;
        } catch (RuntimeException e) {
            if (p.lesson != null) {
                log.warn("learning from article {} failed ({}); storing its check without it", p.articleId, e.toString());
                p.lesson = null;
                return writeAlone(p, stored);
            }
            log.warn("could not store the check of article {}; it is checked again when its lease expires",
                    p.articleId, e);
            return false;
        }
    }

    /** Analyses {@code stored}, the versions of those of {@code checks} that queued one, in order. */
    private void analyse(List<Pending> checks, List<Version> stored) {
        List<Recording> recordings = new ArrayList<>(stored.size());
        int i = 0;
        for (Pending p : checks) {
            if (p.version != null) {
                recordings.add(new Recording(stored.get(i++), p.previous, Recording.Origin.TRACKED, p.split));
            }
        }
        recorder.analyse(recordings); // one call per analyser for the slice: batch analysers write once
    }
}
