package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code redline serve} on a fresh data folder: it creates the store and serves the empty home page. */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;

    @Test
    void serveOnAFreshMachineJustWorks() throws Exception {
        Path data = dir.resolve("fresh").resolve("redline-data");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Redline.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(cli.execute("--data", data.toString(), "serve", "--port", "0",
                "--no-poll")), "serve-under-test");
        serving.start();
        String base = null;
        for (int i = 0; i < 200 && base == null; i++) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                base = m.group(1);
            } else {
                assertThat(serving.isAlive()).as("serve exited early: %s", err).isTrue();
                Thread.sleep(50);
            }
        }
        assertThat(base).as("serve printed its URL; stderr: %s", err).isNotNull();
        try {
            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Currently monitoring 0 articles with 0 versions")
                    .contains("redline source add");
            assertThat(out.toString()).contains("Write actions are off");
            assertThat(Files.exists(data.resolve("redline.db"))).isTrue();
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    @Test
    void aBadPortIsAClearUserError() {
        StringWriter err = new StringWriter();
        CommandLine cli = Redline.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--data", dir.toString(), "serve", "--port", "70000");
        assertThat(code).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--port must be between 0 and 65535");
    }
}
