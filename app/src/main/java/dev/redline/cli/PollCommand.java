package dev.redline.cli;

import dev.redline.fetch.FetchConfig;
import dev.redline.store.Store;
import dev.redline.webhook.Webhooks;
import dev.redline.trace.Tracer;
import dev.redline.track.PollSummary;
import dev.redline.track.TrackerConfig;
import dev.redline.track.TrackerRuntime;
import java.time.Clock;
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

    @Override
    public Integer call() {
        if (workers < 1 || workers > 256) {
            throw new UserException("--workers must be between 1 and 256, not " + workers);
        }
        AppConfig config = root.config();
        FetchConfig fetchConfig = fetch.toConfig();
        TrackerConfig trackerConfig = TrackerConfig.defaults().withThreads(workers);
        try (Store store = CliStore.open(config);
             TrackerRuntime runtime = TrackerRuntime.create(store, config.warcDir(), fetchConfig, trackerConfig,
                     Clock.systemUTC())) {
            Tracer.attach(store); // keep the trace index current with every stored version
            new Webhooks(store, Clock.systemUTC(), fetch.allowPrivateNetwork).attach(); // queue webhook deliveries
            Progress progress = Progress.start("poll", -1);
            runtime.tracker().onCheck(outcome -> progress.step());
            PollSummary first = runtime.tracker().pollOnce(all);
            if (once) {
                progress.finish(first.line());
                return 0;
            }
            System.err.println("poll: " + first.line());
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                runtime.tracker().stop();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                runtime.tracker().run(round -> {
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
