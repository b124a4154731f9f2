package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code redline demo}: the simulated day is tracked offline and its diffs are served. */
class DemoCommandTest {
    private static final Pattern URL = Pattern.compile("Open (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern DATA = Pattern.compile("data in (\\S+)");

    @Test
    void demoReplaysTheDayAndServesRealDiffs() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Redline.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread demo = new Thread(() -> exit.set(cli.execute("demo", "--port", "0", "--step-pause", "0")), "demo-under-test");
        demo.start();
        try {
            for (int i = 0; i < 3000 && !out.toString().contains("Day replayed"); i++) { // up to 5 minutes on a loaded machine
                assertThat(demo.isAlive()).as("demo exited early: %s %s", out, err).isTrue();
                Thread.sleep(100);
            }
            assertThat(out.toString()).as("stderr: %s", err).contains("Day replayed");
            Matcher url = URL.matcher(out.toString());
            assertThat(url.find()).isTrue();
            Matcher data = DATA.matcher(out.toString());
            assertThat(data.find()).isTrue();
            Path folder = Path.of(data.group(1));
            assertThat(folder.resolve("redline.db")).exists();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode changes = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "api/changes"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(changes.size()).isPositive();
            JsonNode first = changes.get(0);
            String diffPath = "articles/" + first.path("article").path("id").asLong() + "/diff/"
                    + first.path("previous").path("number").asInt() + "/" + first.path("version").path("number").asInt();
            HttpResponse<String> diff = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + diffPath)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(diff.statusCode()).isEqualTo(200);
            assertThat(diff.body()).containsAnyOf("<ins>", "<del>", "class=\"new op add\"", "class=\"old op delete\"");
            // the simulated feeds name a hub: every source is subscribed, and was pushed to
            String sources = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "sources")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(sources).contains("WebSub push via").contains(": active, lease until")
                    .containsPattern("; [1-9][0-9]* received");
            demo.interrupt();
            demo.join(15_000);
            assertThat(demo.isAlive()).isFalse();
            assertThat(exit.get()).isZero();
            assertThat(Files.exists(folder)).as("the demo's temp folder is removed on exit").isFalse();
        } finally {
            demo.interrupt();
        }
    }
}
