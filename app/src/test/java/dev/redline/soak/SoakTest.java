package dev.redline.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.cli.Redline;
import dev.redline.extract.ExtractRules;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.sim.HostileSite;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SimSource;
import dev.redline.sim.Story;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.ArticleStatus;
import dev.redline.store.Store;
import dev.redline.track.PollSummary;
import dev.redline.track.Schedule;
import dev.redline.track.Tracker;
import dev.redline.track.TrackerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded soak ({@code ./mvnw -o -pl app -am verify -Psoak}; not in the default run): 30
 * minutes of simulated polling on a virtual clock over four generated news sites and a hostile one,
 * with faults on a timetable (robots.txt unreachable, 5xx bursts, a slow host past the timeout,
 * 64 MB bodies, a site that goes down and comes back, the wide and the unclosed page) and ten quiet
 * minutes, then three {@code kill -9}s of a real {@code poll --all} process mid-round on the same
 * database (real processes run on the wall clock, so they come after the simulated time). The
 * profile runs the test JVM with {@code -Xmx512m -XX:+ExitOnOutOfMemoryError}, the budget of
 * {@code poll} and {@code serve}. It checks: every round completes; no outage settles an article;
 * after the quiet minutes every story's latest version is stored; no version committed before a
 * kill is lost; the database passes its integrity check. Figures go to {@code target/soak.txt}.
 */
@Tag("soak")
class SoakTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration FAULTY = Duration.ofMinutes(30);
    private static final Duration QUIET = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void thirtyMinutesOfFaultsLoseNothingAndStopNothing() throws Exception {
        // simulated time ends before the wall clock's now, so the real poll processes killed at the end
        // (which run on the wall clock) find every article due
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        VirtualClock clock = new VirtualClock(t0);
        Newsroom newsroom = Newsroom.generated(4, 30, 4, FAULTY, 16);
        Path db = dir.resolve("redline.db");
        long wallStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, t0);
             HostileSite hostile = hostileSite();
             HostileSite flaky = flakySite()) {
            try (Store store = Store.open("jdbc:sqlite:" + db, clock)) {
                for (var site : sim.sites()) {
                    store.addSource(site.name(), List.of(site.rssUrl()), List.of(), ExtractRules.NONE);
                }
                store.addSource("hostile", List.of(hostile.url("/feed.rss")), List.of(), ExtractRules.NONE);
                store.addSource("flaky", List.of(flaky.url("/feed.rss")), List.of(), ExtractRules.NONE);
            }
            FetchConfig fetchConfig = FetchConfig.defaults().withAllowPrivateNetwork(true).withHostDelay(Duration.ZERO)
                    .withTimeout(Duration.ofSeconds(2));
            TrackerConfig defaults = TrackerConfig.defaults().withThreads(4).withFeedInterval(Duration.ofMinutes(2));
            TrackerConfig config = new TrackerConfig("soak", 4, 8, defaults.lease(),
                    new Schedule(Duration.ofMinutes(2), 1.2, Duration.ofDays(40), Duration.ofMinutes(4)),
                    defaults.feedInterval(), defaults.idleWait());

            int rounds = 0;
            int kills = 0;
            long checks = 0;
            long errors = 0;
            Map<String, List<String>> committed = new HashMap<>();
            Duration offset = Duration.ZERO;
            for (; offset.compareTo(FAULTY.plus(QUIET)) <= 0; offset = offset.plus(STEP)) {
                clock.advanceTo(t0.plus(offset));
                faults(sim, flaky, offset);
                // the tracker is rebuilt each round, as a restarted process would be; store and fetcher included
                try (Store store = Store.open("jdbc:sqlite:" + db, clock);
                     Fetcher fetcher = new Fetcher(fetchConfig, clock, clock.sleeper(), store::reserveHostSlot, null)) {
                    Tracker tracker = new Tracker(store, fetcher, new Discovery(store, clock), new VersionRecorder(store),
                            clock, config);
                    PollSummary round = tracker.pollOnce(false);
                    rounds++;
                    checks += round.checks();
                    errors += round.errors();
                }
            }
            // kill -9: three real poll processes killed mid-round, then one left to finish
            for (; kills < 3; kills++) {
                committed.putAll(snapshot(db, clock));
                killMidPoll(dir, db);
                assertThat(snapshot(db, clock)).as("versions committed before kill -9 " + (kills + 1))
                        .containsAllEntriesOf(committed);
            }
            committed.putAll(snapshot(db, clock));
            Process last = poll(dir, db);
            assertThat(last.waitFor(300, TimeUnit.SECONDS)).as("a last poll finishes").isTrue();
            assertThat(last.exitValue()).as("the last poll's exit code").isZero();
            Map<String, List<String>> end = snapshot(db, clock);
            long versionsLost = committed.entrySet().stream()
                    .filter(e -> !end.getOrDefault(e.getKey(), List.of()).containsAll(e.getValue())).count();
            int missingLatest = 0;
            int settledByOutage = 0;
            long versionsStored;
            try (Store store = Store.open("jdbc:sqlite:" + db, clock)) {
                for (SimSource source : newsroom.sources()) {
                    for (Story story : source.stories()) {
                        int live = story.versionAt(FAULTY);
                        Article a = store.articleByUrl(sim.articleUrl(source.name(), story.slug())).orElse(null);
                        if (a == null || live < 0) {
                            missingLatest += live < 0 ? 0 : 1;
                            continue;
                        }
                        String title = story.versions().get(live).title();
                        if (store.versions(a.id()).stream().noneMatch(v -> v.text().title().equals(title)
                                && v.text().paragraphs().equals(story.versions().get(live).paragraphs()))) {
                            missingLatest++;
                        }
                        if (a.status() == ArticleStatus.SETTLED) {
                            settledByOutage++;
                        }
                    }
                }
                Article back = store.articleByUrl(flaky.url("/news/back")).orElseThrow();
                assertThat(back.versionCount()).as("the site that was down is tracked again").isEqualTo(1);
                versionsStored = store.versionCount();
                try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
            }
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            long peakHeap = peakHeapBytes();
            String figures = String.format(Locale.ROOT, """
                    soak: %d simulated minutes (%d faulty + %d quiet), %d rounds completed of %d, %d kill -9s
                    checks %d (errors %d), versions stored %d, versions lost %d, latest versions missing %d, settled by an outage %d
                    peak heap %.0f MB of a %d MB budget (-Xmx), wall %.0f s, test JVM CPU %.0f s (the killed polls not counted), load average %.2f
                    """, FAULTY.plus(QUIET).toMinutes(), FAULTY.toMinutes(), QUIET.toMinutes(), rounds,
                    FAULTY.plus(QUIET).dividedBy(STEP) + 1, kills, checks, errors, versionsStored, versionsLost,
                    missingLatest, settledByOutage, peakHeap / 1e6, Runtime.getRuntime().maxMemory() >> 20, wallSeconds,
                    cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.print(figures);
            Files.writeString(Path.of("target", "soak.txt"), figures);
            assertThat(rounds).isEqualTo(FAULTY.plus(QUIET).dividedBy(STEP) + 1);
            assertThat(versionsLost).isZero();
            assertThat(missingLatest).isZero();
            assertThat(settledByOutage).isZero();
            assertThat(errors).as("the faults did happen").isPositive();
        }
    }

    /** The fault timetable, minute by minute of simulated time. */
    private static void faults(NewsroomSimulator sim, HostileSite flaky, Duration offset) {
        long minute = offset.toMinutes();
        sim.misbehave("wire-0").robotsStatus(minute >= 5 && minute < 9 ? 503 : 200);
        if (minute == 10) {
            sim.misbehave("wire-1").failNext(40);
        }
        sim.misbehave("wire-2").delay(minute >= 12 && minute < 14 ? Duration.ofMillis(2_500) : Duration.ZERO);
        sim.misbehave("wire-3").hugeBodies(minute >= 15 && minute < 17);
        if (offset.equals(Duration.ofMinutes(8))) {
            flaky.down();
        } else if (offset.equals(Duration.ofMinutes(18))) {
            flaky.up();
        }
    }

    /** The hostile pages of issue 16 in one feed, there all the time. */
    private static HostileSite hostileSite() {
        HostileSite site = new HostileSite();
        site.answer("/robots.txt", 404, "text/plain", "");
        site.answer("/wide", 200, "text/html", HostileSite.articlePage("<p>a</p>", 4_800_000));
        site.answer("/deep", 200, "text/html", HostileSite.articlePage("<div>x ", 1_800_000));
        site.answer("/feed.rss", 200, "application/rss+xml", rss(site, "/wide", "/deep"));
        return site;
    }

    /** A site that is down from minute 8 to 18; its story must be tracked once it is back. */
    private static HostileSite flakySite() {
        HostileSite site = new HostileSite();
        site.answer("/robots.txt", 200, "text/plain", "User-agent: *\nAllow: /\n");
        site.answer("/news/back", 200, "text/html", HostileSite.articlePage("", 0));
        site.answer("/feed.rss", 200, "application/rss+xml", rss(site, "/news/back"));
        return site;
    }

    private static String rss(HostileSite site, String... paths) {
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><link>").append(site.url(path)).append("</link></item>");
        }
        return "<rss version=\"2.0\"><channel><title>t</title><link>" + site.url("/") + "</link>" + items
                + "</channel></rss>";
    }

    /** Starts a real {@code poll --once --all} under the same budget and kills it with SIGKILL mid-round. */
    private static void killMidPoll(Path dir, Path db) throws Exception {
        Process poll = poll(dir, db);
        long before = checksLogged(db);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (poll.isAlive() && checksLogged(db) < before + 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(poll.isAlive()).as("poll was killed mid-round, after its first checks").isTrue();
        poll.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private static Process poll(Path dir, Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("poll-" + System.nanoTime() + ".log");
        return new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Redline.class.getName(), "--db", db.toString(), "--data", dir.toString(), "poll", "--once", "--all",
                "--host-delay", "0", "--allow-private-network", "--workers", "4")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
    }

    private static long checksLogged(Path db) throws java.sql.SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM check_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Article URL to its versions (number, title, text), for "nothing committed is lost". */
    private static Map<String, List<String>> snapshot(Path db, VirtualClock clock) {
        Map<String, List<String>> out = new HashMap<>();
        try (Store store = Store.open("jdbc:sqlite:" + db, clock)) {
            for (Article a : store.articles(null, 0, 100_000)) {
                List<String> versions = new ArrayList<>();
                store.versions(a.id()).forEach(v -> versions.add(v.number() + "|" + v.text().title() + "|"
                        + v.text().paragraphs()));
                out.put(a.url(), versions);
            }
        }
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
