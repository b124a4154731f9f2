package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code redline poll} process ({@code kill -9}) in the middle of polling a SQLite
 * store, restarts it, and checks the store is intact: integrity check passes, version numbers are
 * contiguous, and every version committed before the kill is still there, unchanged.
 */
class CrashTest {

    @Test
    void killedPollLosesNothingCommitted(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("redline.db");
        Newsroom newsroom = Newsroom.generated(3, 200, 2, Duration.ofSeconds(4), 11);
        try (NewsroomSimulator sim = NewsroomSimulator.start(Clock.systemUTC(), newsroom, java.time.Instant.now())) {
            Map<String, List<String>> committed = new HashMap<>();
            try (Store store = Store.open("jdbc:sqlite:" + db)) {
                for (var site : sim.sites()) {
                    store.addSource(site.name(), List.of(site.rssUrl()), List.of(), ExtractRules.NONE);
                }
                Process poll = startPoll(dir, db);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // a loaded CI machine starts slowly
                while (store.versionCount() < 100 && poll.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(poll.isAlive()).as("poll still running when killed (raise the article count)").isTrue();
                committed.putAll(snapshot(store));
                poll.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                assertThat(committed.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(100);
            }

            Process again = startPoll(dir, db);
            assertThat(again.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).as(new String(again.getErrorStream().readAllBytes())).isZero();

            try (Store store = Store.open("jdbc:sqlite:" + db)) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
                Map<String, List<String>> after = snapshot(store);
                committed.forEach((url, versions) -> assertThat(after.get(url).subList(0, versions.size()))
                        .as("versions of %s", url).isEqualTo(versions));
                int unchecked = 0;
                for (Article a : store.articles(null, 0, 10_000)) {
                    List<Version> versions = store.versions(a.id());
                    assertThat(versions).hasSize(a.versionCount());
                    for (int i = 0; i < versions.size(); i++) {
                        assertThat(versions.get(i).number()).isEqualTo(i);
                    }
                    if (versions.isEmpty()) {
                        unchecked++;
                    }
                }
                // only the claims the killed process held (leases not yet expired) can still be waiting
                assertThat(unchecked).isLessThanOrEqualTo(2 * 8);
                assertThat(store.articleCount()).isEqualTo(600);
            }
        }
    }

    private static Process startPoll(Path dir, Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Redline.class.getName(), "--db", db.toString(), "--data",
                dir.toString(), "poll", "--once", "--host-delay", "0", "--allow-private-network", "--workers", "2"));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("poll-" + System.nanoTime() + ".log").toFile()).start();
    }

    /** Article URL to the titles and texts of its versions, in order. */
    private static Map<String, List<String>> snapshot(Store store) {
        Map<String, List<String>> out = new HashMap<>();
        for (Article a : store.articles(null, 0, 10_000)) {
            out.put(a.url(), store.versions(a.id()).stream()
                    .map(v -> v.number() + "|" + v.text().title() + "|" + v.text().paragraphs()).toList());
        }
        return out;
    }
}
