package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.push.WebSub;
import dev.redline.service.AppConfig;
import dev.redline.service.Services;
import dev.redline.store.Store;
import dev.redline.track.Tracker;
import dev.redline.webhook.Webhooks;
import dev.redline.web.TraceService;
import dev.redline.web.WebServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code redline serve}: the web UI, Atom feeds and JSON API, plus the tracker's polling loop, in one
 * process over the configured store (the embedded SQLite file by default, created on first use).
 * Runs until interrupted (Ctrl-C, SIGTERM), then stops polling and closes the store cleanly.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web UI, Atom feeds and JSON API, and keep polling sources.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Mixin
    ListenOptions listen;

    @Option(names = "--no-poll", description = "Serve only; do not poll sources or re-check articles")
    boolean noPoll;

    @Mixin
    FetchOptions fetch;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Token that unlocks adding/removing sources and tracking URLs (env REDLINE_ADMIN_TOKEN); without one they are off")
    String adminToken;

    @Option(names = "--public-metrics", description = "Serve /metrics to anyone (default: only with the admin token)")
    boolean publicMetrics;

    // A switch rather than a lower priority: Java's thread priorities do nothing on Linux without root
    // (ThreadPriorityPolicy), and a paced repair still takes the cores a loaded server needs, for longer.
    @Option(names = "--no-trace-repair",
            description = "Do not rebuild an incomplete trace index in the background while serving (it competes with the web load "
                    + "on a large store); run 'redline trace --reindex' at a quiet time instead")
    boolean noTraceRepair;

    @Override
    public Integer call() {
        checkPort(listen.port);
        AppConfig config = root.config();
        String token = adminToken != null ? adminToken : System.getenv("REDLINE_ADMIN_TOKEN");
        Services.Settings settings = Services.Settings.of(config).withFetch(fetch.toConfig());
        String baseUrl = listen.baseUrl();
        AtomicReference<Thread> poller = new AtomicReference<>();
        untilStopped(stop -> {
            try (Services services = Services.create(settings)) {
                Tracker tracker = services.tracker();
                Webhooks hooks = services.webhooks();
                WebSub webSub = baseUrl == null ? null : new WebSub(services.store().subscriptions(), services.discovery(),
                        settings.clock(), settings.trackerFetch().allowedNetworks(), baseUrl);
                WebServer.Options options = WebServer.Options.defaults().withAdminToken(token).withWebhooks(hooks)
                        .withWebSub(webSub)
                        .withBaseUrl(baseUrl).withPublicMetrics(publicMetrics)
                        .withPolling(noPoll ? null : () -> poller.get() == null || poller.get().isAlive())
                        .withWarcDir(config.warcDir())
                        .withSubmitter(url -> tracker.track(url, null).article())
                        .withTracing(new TraceService(services.tracer(), services.pages(), () -> services.indexRepair() != null));
                ScheduledExecutorService deliverer = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("redline-webhooks").daemon().factory());
                deliverer.scheduleWithFixedDelay(() -> quietly("a webhook delivery round", hooks::deliverDue), 10, 10,
                        TimeUnit.SECONDS);
                if (webSub != null) {
                    tracker.onFeedRead(webSub::discovered);
                    deliverer.scheduleWithFixedDelay(() -> quietly("a WebSub round", webSub::maintain), 5, 30, TimeUnit.SECONDS);
                }
                try (WebServer server = start(services.store(), options, listen.bind, listen.port)) {
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("Redline is serving " + url(listen.bind, server.port()) + (noPoll ? " (polling off)" : ""));
                    out.println(options.adminToken() == null ? "Write actions are off (no --admin-token)."
                            : "Write actions are on for holders of the admin token.");
                    out.println(webSub == null ? "WebSub push is off (no --base-url hubs could call back on); polling only."
                            : "WebSub push is on: hubs call back on " + baseUrl + "/websub/.");
                    out.flush();
                    // a store from before the trace index (or emptied by a migration) is indexed while serving
                    if (noTraceRepair) {
                        log.info("trace index: no background repair (--no-trace-repair); 'redline trace --reindex' completes it");
                    } else {
                        services.startIndexRepair(log::info);
                    }
                    if (!noPoll) {
                        poller.set(startPolling(tracker));
                    }
                    try {
                        stop.await();
                    } finally {
                        deliverer.shutdownNow();
                        if (poller.get() != null) {
                            tracker.stop();
                            poller.get().interrupt();
                            poller.get().join(TimeUnit.SECONDS.toMillis(30));
                        }
                    }
                }
            }
        });
        return 0;
    }

    /** One round of background work (webhook deliveries, WebSub requests); a failure is logged and the next round runs as usual. */
    private static void quietly(String what, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.error("{} failed; the next one runs as scheduled", what, e);
        }
    }

    private static Thread startPolling(Tracker tracker) {
        Thread poller = new Thread(() -> {
            try {
                tracker.run(round -> {
                    if (round.feedsPolled() > 0 || round.checks() > 0) {
                        log.info("poll: {}", round.line());
                    }
                });
            } catch (RuntimeException | Error e) {
                log.error("the polling loop stopped; the web server keeps serving and /health says so", e);
            }
        }, "redline-poll");
        poller.setDaemon(true);
        poller.start();
        return poller;
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new BadInput("--port must be between 0 and 65535, got " + port);
        }
    }

    static WebServer start(Store store, WebServer.Options options, String bind, int port) {
        try {
            return new WebServer(store, options).start(bind, port);
        } catch (RuntimeException e) {
            throw new BadInput("cannot listen on " + bind + ":" + port + " (" + rootMessage(e) + ")", e);
        }
    }

    static String url(String bind, int port) {
        String host = bind.contains(":") ? "[" + bind + "]" : bind.equals("0.0.0.0") ? "localhost" : bind;
        return "http://" + host + ":" + port + "/";
    }

    /**
     * Runs {@code body} (which blocks on the latch it is given) until the process is asked to stop
     * (Ctrl-C, SIGTERM) or the thread is interrupted; the shutdown hook waits for {@code body} to
     * close its resources, so the store is closed cleanly.
     */
    static void untilStopped(StoppableBody body) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "redline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            body.run(stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // an interrupt is a request to stop, not a failure
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping and the hook is running
            }
        }
    }

    /** The serving part of a command: starts, then waits on {@code stop}. */
    @FunctionalInterface
    interface StoppableBody {
        void run(CountDownLatch stop) throws InterruptedException;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
