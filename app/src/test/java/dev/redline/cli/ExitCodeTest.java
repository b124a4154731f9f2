package dev.redline.cli;

import dev.redline.error.BadInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.error.Conflict;
import dev.redline.error.NotFound;
import dev.redline.error.Refused;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** User errors are mapped once to exit code 2; anything else is a bug: exit 1 and one line. */
class ExitCodeTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final RuntimeException failure;

        Boom(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private static CliRun runFailing(RuntimeException failure) {
        CommandLine cmd = Redline.newCommandLine();
        cmd.addSubcommand("boom", new Boom(failure));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new CliRun(cmd.execute("boom"), out.toString(), err.toString());
    }

    @Test
    void everyUserErrorIsExitTwoWithItsMessage() {
        for (RuntimeException e : new RuntimeException[] {new BadInput("bad --limit"), new NotFound("no source named 'x'"),
                new Refused("write actions are off"), new Conflict("a source named 'x' already exists")}) {
            CliRun r = runFailing(e);
            assertThat(r.code()).as(e.getMessage()).isEqualTo(Redline.EXIT_BAD_INPUT);
            assertThat(r.err()).isEqualTo("redline: " + e.getMessage() + System.lineSeparator());
        }
    }

    @Test
    void anIllegalArgumentFromABugIsExitOneOnOneLine() {
        CliRun r = runFailing(new IllegalArgumentException("index out of step\n\u001b[2J"));
        assertThat(r.code()).isEqualTo(Redline.EXIT_FAILURE);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("redline: internal error: java.lang.IllegalArgumentException: index out of step")
                .doesNotContain("\u001b").contains("REDLINE_LOG_LEVEL=DEBUG");
    }
}
