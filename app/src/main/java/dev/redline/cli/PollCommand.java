package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.service.Services;
import dev.redline.trace.IndexRepair;
import dev.redline.track.PollSummary;
import dev.redline.track.Tracker;
import dev.redline.track.TrackerConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code redline poll}: poll due feeds and re-check due articles, once or continuously. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Poll due feeds and re-check due articles; with --once exit after one round, else keep going.")
public final class PollCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Option(names = "--once", description = "One round, then exit.")
    boolean once;

    @Option(names = "--all", description = "Check every active article now, whatever its schedule (first round).")
    boolean all;

    @Mixin
    FetchOptions fetch;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4",
            description = "Threads checking articles in parallel (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--no-trace-index",
            description = "Do not keep the trace index current while tracking, nor repair it (faster; `redline trace --reindex` catches up later).")
    boolean noTraceIndex;

    @Override
    public Integer call() throws InterruptedException {
        if (workers < 1 || workers > 256) {
            throw new BadInput("--workers must be between 1 and 256, not " + workers);
        }
        Services.Settings settings = Services.Settings.of(root.config()).withFetch(fetch.toConfig())
                .withTracker(TrackerConfig.defaults().withThreads(workers)).withTraceIndex(!noTraceIndex);
        try (Services services = Services.create(settings)) {
            Tracker tracker = services.tracker();
            // versions stored before the trace index existed (or a migration emptied it) are indexed beside polling
            IndexRepair repair = services.startIndexRepair(System.err::println);
            Progress progress = Progress.start("poll", -1);
            tracker.onCheck(outcome -> progress.step());
            PollSummary first = tracker.pollOnce(all);
            if (once) {
                progress.finish(first.line());
                if (repair != null) {
                    System.err.println("poll: waiting for the trace index repair to finish (stopping it is safe: it resumes next time)");
                    repair.await();
                }
                return 0;
            }
            System.err.println("poll: " + first.line());
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                tracker.stop();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                tracker.run(round -> {
                    if (round.feedsPolled() > 0 || round.checks() > 0) {
                        System.err.println("poll: " + round.line());
                    }
                });
            } finally {
                done.countDown();
            }
            progress.finish("stopped");
            return 0;
        }
    }
}
