package dev.redline.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The archive's writer thread: capture references handed out at once by several threads, more
 * exchanges than its queue holds, files rotated on the way; after {@link WarcArchive#flush} and
 * after {@link WarcArchive#close} every reference points at its own response record.
 */
class WarcArchiveTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void everyReferenceHandedOutIsWrittenInPlaceByFlushAndClose() throws Exception {
        int threads = 4;
        int each = 150; // 600 exchanges: more than the queue holds, so callers wait for the writer
        List<String> refs = new ArrayList<>();
        WarcArchive archive = new WarcArchive(dir, 64 * 1024, CLOCK);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(archive.archive(uri(thread, i), List.<String[]>of(), 200,
                                Map.of("Content-Type", List.of("text/html")), body(thread, i)));
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> part : parts) {
                refs.addAll(part.get());
            }
        }
        archive.flush();
        assertThat(read(refs.getFirst())).isEqualTo(new String(body(0, 0), StandardCharsets.UTF_8));
        archive.close();
        archive.close(); // a second close does nothing

        assertThat(refs).hasSize(threads * each).doesNotHaveDuplicates();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("rotated at 64 KB").isGreaterThan(3);
        }
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                String ref = refs.get(t * each + i);
                assertThat(read(ref)).as(ref).isEqualTo(new String(body(t, i), StandardCharsets.UTF_8));
            }
        }
    }

    private static URI uri(int thread, int i) {
        return URI.create("https://bugle.example/news/" + thread + "-" + i);
    }

    private static byte[] body(int thread, int i) {
        return ("<p>Story " + thread + "-" + i + ": " + "the harbour reopened. ".repeat(20 + i % 7) + "</p>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The body of the response record a reference names, checked to be that exchange's. */
    private String read(String ref) throws Exception {
        String[] parts = ref.split("#");
        try (WarcReader reader = new WarcReader(Files.newByteChannel(dir.resolve(parts[0])))) {
            reader.position(Long.parseLong(parts[1]));
            WarcResponse response = (WarcResponse) reader.next().orElseThrow();
            String body = new String(response.http().body().stream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("Story " + response.target().substring(response.target().lastIndexOf('/') + 1) + ":");
            return body;
        }
    }
}
