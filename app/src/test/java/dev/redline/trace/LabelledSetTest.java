package dev.redline.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.fingerprint.Fingerprinter;
import dev.redline.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy of trace on the generated labelled set (figures reported in BENCHMARKS.md, "Trace"):
 * 300 fictional articles with 1–6 versions, 900 altered copies, 200 unrelated same-topic stories.
 */
class LabelledSetTest {

    @Test
    void tracesCopiesToTheirArticleAndExactVersion(@TempDir Path dir) {
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("labelled.db"))) {
            Tracer tracer = new Tracer(store);
            LabelledSet set = LabelledSet.build(store, tracer, 20261123L, 300, 900, 200);
            LabelledSet.Score score = set.score(tracer, store, new TraceIndex(store.tracePostings()));

            System.out.printf(Locale.ROOT, "trace labelled set: %d copies, article %.2f%%, version %.2f%%, "
                            + "unrelated %d with %d false matches%n", score.copies(), 100 * score.articleAccuracy(),
                    100 * score.versionAccuracy(), score.unrelated(), score.falseMatches());
            System.out.printf(Locale.ROOT, "  right article proposed by anchors %d, by LSH bands %d%n",
                    score.viaAnchors(), score.viaBands());
            score.byAlteration().forEach((kind, c) -> System.out.printf(Locale.ROOT,
                    "  %-16s %4d copies  article %3d  version %3d%n", kind, c[0], c[1], c[2]));
            score.misses().stream().limit(20).forEach(m -> System.out.println("  miss: " + m));
            // the settings compared when tuning (DEFAULT is 32 bands x 4 rows, window 12)
            for (Fingerprinter setting : List.of(new Fingerprinter(5, 128, 64, 8), Fingerprinter.DEFAULT,
                    new Fingerprinter(5, 128, 16, 20), new Fingerprinter(5, 128, 8, 30))) {
                System.out.println("  tuning " + set.tuning(setting));
            }

            assertThat(score.articleAccuracy()).isGreaterThanOrEqualTo(0.99);
            assertThat(score.versionAccuracy()).isGreaterThanOrEqualTo(0.95);
            assertThat(score.falseMatches()).isZero();
            // no story of the set copies another, so tracking recorded no reuse
            assertThat(store.articles(null, 0, 1000)).allSatisfy(a -> assertThat(store.events(a.id())).isEmpty());
        }
    }
}
