package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text inputs are capped and checked the same way whether they come from a file, a device or stdin. */
class InputLimitsTest {
    @TempDir
    Path dir;

    @Test
    void devZeroIsRefusedByDiffAndTraceWithoutReadingItAll() {
        Path zero = Path.of("/dev/zero");
        CliRun diff = run("diff", zero.toString(), zero.toString());
        assertThat(diff.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(diff.err()).isEqualTo("redline: /dev/zero is larger than 2 MB, too long for one article\n");
        CliRun trace = run("--db", dir.resolve("r.db").toString(), "trace", zero.toString());
        assertThat(trace.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(trace.err()).contains("/dev/zero is larger than 2 MB");
    }

    @Test
    void aHundredAndFiftyMegabyteTextFileIsRefused() throws IOException {
        Path big = dir.resolve("big.txt");
        try (Writer out = Files.newBufferedWriter(big)) {
            String line = "The council met again on Tuesday to talk about the harbour bridge plan.\n";
            for (long written = 0; written < 150L << 20; written += line.length()) {
                out.write(line);
            }
        }
        long before = usedHeap();
        CliRun trace = run("--db", dir.resolve("r.db").toString(), "trace", big.toString());
        assertThat(trace.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(trace.err()).contains("big.txt is larger than 2 MB");
        assertThat(usedHeap() - before).isLessThan(100L << 20);
        assertThat(run("diff", big.toString(), big.toString()).err()).contains("is larger than 2 MB");
    }

    @Test
    void traceStdinIsCheckedLikeAFile() {
        CliRun empty = withStdin(new byte[0], "trace", "-");
        assertThat(empty.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(empty.err()).isEqualTo("redline: stdin is empty\n");
        CliRun binary = withStdin(new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2}, "trace", "-");
        assertThat(binary.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(binary.err()).isEqualTo("redline: stdin looks like a binary file, not text\n");
        CliRun latin1 = withStdin("caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1), "trace", "-");
        assertThat(latin1.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(latin1.err()).contains("stdin is not UTF-8 text");
    }

    private CliRun withStdin(byte[] input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "--db";
            all[1] = dir.resolve("r.db").toString();
            System.arraycopy(args, 0, all, 2, args.length);
            return run(all);
        } finally {
            System.setIn(saved);
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        System.gc();
        return r.totalMemory() - r.freeMemory();
    }
}
