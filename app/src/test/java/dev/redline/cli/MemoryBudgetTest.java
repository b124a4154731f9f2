package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.sim.HostileSite;
import dev.redline.store.Article;
import dev.redline.store.CheckLog;
import dev.redline.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Xmx512m} is the tested budget of {@code poll}: a real process polls a hostile site whose
 * feed lists a 4.8 MB page of 600,000 tiny paragraphs, a 1.8 MB page of tags never closed and an
 * ordinary article. The process must neither run out of memory (it is started with
 * {@code -XX:+ExitOnOutOfMemoryError}, so an OutOfMemoryError anywhere ends it with exit code 3)
 * nor leave the ordinary article unchecked.
 */
class MemoryBudgetTest {

    @Test
    void pollStaysWithin512MegabytesOverHostilePages(@TempDir Path dir) throws Exception {
        try (HostileSite site = new HostileSite()) {
            site.answer("/robots.txt", 404, "text/plain", "");
            site.answer("/wide", 200, "text/html", HostileSite.articlePage("<p>a</p>", 4_800_000));
            site.answer("/deep", 200, "text/html", HostileSite.articlePage("<div>x ", 1_800_000));
            site.answer("/ok", 200, "text/html", HostileSite.articlePage("", 0));
            site.answer("/feed.rss", 200, "application/rss+xml", """
                    <rss version="2.0"><channel><title>Hostile</title><link>%s</link>
                    <item><link>%s</link></item><item><link>%s</link></item><item><link>%s</link></item>
                    </channel></rss>""".formatted(site.url("/"), site.url("/wide"), site.url("/deep"), site.url("/ok")));
            Path db = dir.resolve("redline.db");
            try (Store store = Store.open("jdbc:sqlite:" + db)) {
                store.addSource("hostile", List.of(site.url("/feed.rss")), List.of(), ExtractRules.NONE);
            }
            Path log = dir.resolve("poll.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process poll = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Redline.class.getName(), "--db", db.toString(), "--data", dir.toString(), "poll", "--once",
                    "--host-delay", "0", "--allow-private-network", "--workers", "3")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
            assertThat(poll.waitFor(180, TimeUnit.SECONDS)).as("poll finished").isTrue();
            assertThat(poll.exitValue()).as(Files.readString(log)).isZero();

            try (Store store = Store.open("jdbc:sqlite:" + db)) {
                Article ok = store.articleByUrl(site.url("/ok")).orElseThrow();
                assertThat(ok.versionCount()).isEqualTo(1);
                for (String hostile : List.of("/wide", "/deep")) {
                    Article a = store.articleByUrl(site.url(hostile)).orElseThrow();
                    assertThat(a.versionCount()).isZero();
                    assertThat(store.checks(a.id(), 1)).extracting(CheckLog::error).singleElement()
                            .asString().contains("page over the limit");
                }
            }
        }
    }

}
