package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.NetworkRanges;
import dev.redline.push.WebSub;
import dev.redline.service.AppConfig;
import dev.redline.service.Services;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SimHub;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Store;
import dev.redline.track.Schedule;
import dev.redline.track.Tracker;
import dev.redline.track.TrackerConfig;
import dev.redline.web.TraceService;
import dev.redline.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redline demo}: a simulated newsroom of fictional stories on loopback, tracked from a fresh
 * temporary data folder while a virtual clock runs through the stories' day, served on the web UI.
 * The simulated feeds name a simulated WebSub hub ({@link SimHub}), so the demo subscribes and
 * is pushed new stories as well as polling. Offline; the first diffs appear within seconds and
 * the whole day is replayed within a minute.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve a simulated newsroom whose fictional stories change, tracked from a fresh temp folder.")
public final class DemoCommand implements Callable<Integer> {
    /** The virtual day replayed, in steps of this size, each followed by a short real pause. */
    static final Duration DAY = Duration.ofHours(24);
    static final Duration STEP = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @Mixin
    ListenOptions listen;

    @Option(names = "--step-pause", defaultValue = "50", paramLabel = "MS",
            description = "Real milliseconds between 5-minute steps of the virtual day (default ${DEFAULT-VALUE})")
    long stepPauseMillis;

    @Override
    public Integer call() {
        ServeCommand.checkPort(listen.port);
        if (stepPauseMillis < 0) {
            throw new BadInput("--step-pause must not be negative");
        }
        String baseUrl = listen.baseUrl();
        Path data = tempDataFolder();
        PrintWriter out = spec.commandLine().getOut();
        ServeCommand.untilStopped(stop -> {
            Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(DAY);
            VirtualClock clock = new VirtualClock(start);
            try (NewsroomSimulator sim = NewsroomSimulator.start(clock); SimHub hub = SimHub.start();
                 Services services = Services.create(settings(data, clock))) {
                Store store = services.store();
                for (NewsroomSimulator.SiteInfo site : sim.sites()) {
                    store.addSource(site.name(), List.of(site.rssUrl()), List.of(), ExtractRules.NONE);
                }
                sim.advertiseHub(hub.url());
                Tracker tracker = services.tracker();
                // the hub is on loopback too, so it calls back on the listen address whatever --base-url says
                int port = listen.port == 0 ? freePort() : listen.port;
                WebSub webSub = new WebSub(store.subscriptions(), services.discovery(), clock, NetworkRanges.PRIVATE,
                        ServeCommand.url(listen.bind, port));
                tracker.onFeedRead(webSub::discovered);
                WebServer.Options options = WebServer.Options.defaults().withClock(clock).withWarcDir(data.resolve("warc"))
                        .withBaseUrl(baseUrl).withWebSub(webSub)
                        .withTracing(new TraceService(services.tracer(), services.pages()));
                try (WebServer server = ServeCommand.start(store, options, listen.bind, port)) {
                    out.println("Redline demo: " + sim.sites().size() + " simulated news sites, data in " + data
                            + " (removed on exit)");
                    out.println("Open " + ServeCommand.url(listen.bind, server.port())
                            + " — versions arrive as the virtual day runs (well under a minute). Ctrl-C stops.");
                    out.flush();
                    if (replayDay(clock, tracker, () -> {
                        webSub.maintain();
                        hub.publishAll();
                    }, start, stop)) {
                        out.println("Day replayed: " + store.articleCount() + " articles, " + store.versionCount()
                                + " versions. Still serving; Ctrl-C stops.");
                        out.flush();
                    }
                    stop.await();
                }
            } finally {
                deleteRecursively(data);
            }
        });
        return 0;
    }

    /**
     * The demo's wiring: virtual time; a tracker that may reach the simulator on loopback, polls
     * often and checks one article at a time; but /trace takes URLs from anyone (any page the user
     * visits can post to it), so those keep the private-address guard.
     */
    private static Services.Settings settings(Path data, VirtualClock clock) {
        TrackerConfig defaults = TrackerConfig.defaults();
        TrackerConfig tracker = new TrackerConfig(defaults.workerId(), 1, 8, defaults.lease(),
                new Schedule(Duration.ofMinutes(15), 1.2, Duration.ofDays(40), Duration.ofHours(1)),
                Duration.ofMinutes(10), defaults.idleWait());
        return Services.Settings.of(new AppConfig(data, "jdbc:sqlite:" + data.resolve("redline.db")))
                .withFetch(FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ofSeconds(1)))
                .withPageFetch(FetchConfig.defaults())
                .withTracker(tracker)
                .withTime(clock, clock.sleeper());
    }

    /** The demo's data is throw-away: its temp folder goes when the demo stops. */
    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("redline: could not remove " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Advances the virtual clock through the day, polling after each step and then letting WebSub
     * subscribe and the hub push what changed ({@code push}); false when stopped early.
     */
    private boolean replayDay(VirtualClock clock, Tracker tracker, Runnable push, Instant start, CountDownLatch stop)
            throws InterruptedException {
        for (Instant t = start; !t.isAfter(start.plus(DAY)); t = t.plus(STEP)) {
            clock.advanceTo(t);
            tracker.pollOnce(false);
            push.run();
            if (stop.await(stepPauseMillis, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** A free loopback port for {@code --port 0}: the WebSub callback must be known before the server starts. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BadInput("cannot find a free port: " + e.getMessage(), e);
        }
    }

    private static Path tempDataFolder() {
        try {
            return Files.createTempDirectory("redline-demo-");
        } catch (IOException e) {
            throw new BadInput("cannot create a temporary data folder: " + e.getMessage(), e);
        }
    }
}
