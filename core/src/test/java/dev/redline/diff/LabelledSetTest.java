package dev.redline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alignment quality on the hand-labelled pairs: F1 over the change links (every link except
 * "same", which would flatter any method), micro-averaged over all pairs. The same figure for the
 * peer method comes from {@code bench/diff/ndiff_peer.py}; both go to BENCHMARKS.md.
 */
class LabelledSetTest {
    /** The floor this engine reaches today; lower it only with a reason. */
    private static final double F1_FLOOR = 0.93;

    @Test
    void atLeastThirtyPairs() {
        assertThat(LabelledPair.all()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void splitterAgreesWithTheLabelledSentences() {
        for (LabelledPair pair : LabelledPair.all()) {
            assertThat(Diff.sentences(pair.old())).as(pair.name() + " old").isEqualTo(pair.oldSentences());
            assertThat(Diff.sentences(pair.neu())).as(pair.name() + " new").isEqualTo(pair.newSentences());
        }
    }

    @Test
    void alignmentF1() {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (LabelledPair pair : LabelledPair.all()) {
            Set<LabelledPair.Link> expected = changes(pair.expected());
            Set<LabelledPair.Link> predicted = changes(LabelledPair.predicted(Diff.compare(pair.old(), pair.neu())));
            Set<LabelledPair.Link> hit = new HashSet<>(predicted);
            hit.retainAll(expected);
            truePositives += hit.size();
            falsePositives += predicted.size() - hit.size();
            falseNegatives += expected.size() - hit.size();
            if (!predicted.equals(expected)) {
                Set<LabelledPair.Link> missing = new HashSet<>(expected);
                missing.removeAll(predicted);
                Set<LabelledPair.Link> extra = new HashSet<>(predicted);
                extra.removeAll(expected);
                System.out.println(pair.name() + " missing " + missing + " extra " + extra);
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf("labelled set: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)%n",
                precision, recall, f1, truePositives, falsePositives, falseNegatives);
        assertThat(f1).isGreaterThanOrEqualTo(F1_FLOOR);
    }

    private static Set<LabelledPair.Link> changes(Set<LabelledPair.Link> links) {
        Set<LabelledPair.Link> out = new HashSet<>();
        for (LabelledPair.Link link : links) {
            if (!link.op().equals("same")) {
                out.add(link);
            }
        }
        return out;
    }

}
