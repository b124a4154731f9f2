package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.redline.sim.HostileSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escape sequences a hostile server sends never reach the operator's terminal or log raw. */
class HostileOutputTest {
    private static final String ESCAPES = "\u001b]0;owned\u0007\u001b[2J\u001b[31m\u009b6n";

    @TempDir
    Path dir;

    @Test
    void aGarbageStatusLineIsPrintedEscapedByTrackAndExtract() {
        try (HostileSite site = new HostileSite()) {
            site.answer("/robots.txt", 404, "text/plain", "");
            site.raw("/story", (ESCAPES + " HTTP/1.1 200\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            CliRun track = CliRun.run("--db", dir.resolve("r.db").toString(), "--data", dir.toString(), "track",
                    site.url("/story"), "--allow-private-network", "--host-delay", "0");
            assertThat(track.code()).isEqualTo(Redline.EXIT_FAILURE);
            CliRun extract = CliRun.run("extract", "--allow-private-network", site.url("/story"));
            assertThat(extract.code()).isNotZero();
            for (CliRun run : new CliRun[] {track, extract}) {
                String printed = run.out() + run.err();
                assertThat(printed).as(printed).contains("\\u001b]0;owned\\u0007");
                assertThat(printed.chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x9b)).isEmpty();
            }
        }
    }

    @Test
    void logLinesEscapeMessagesAndExceptionsButKeepTheStackLayout() throws IOException {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("x"), Level.WARN, "check of {} failed",
                new IOException("Invalid status line: \"" + ESCAPES + "\""), new Object[] {"http://a/\u001b[2Jb\nforged line"});
        var message = new SafeLogConverters.Message();
        var throwable = new SafeLogConverters.Throwable();
        throwable.setContext(context);
        throwable.start();
        String line = message.convert(event);
        String trace = throwable.convert(event);
        assertThat(line).isEqualTo("check of http://a/\\u001b[2Jb\\u000aforged line failed");
        assertThat(trace).contains("Invalid status line: \"\\u001b]0;owned\\u0007").contains("\n\tat ");
        assertThat((line + trace).chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x9b)).isEmpty();
    }
}
