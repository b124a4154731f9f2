package dev.redline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alignment quality on the hand-labelled pairs: F1 over the change links (every link except
 * "same", which would flatter any method), micro-averaged over the pairs of each set (see the
 * README in {@code diff-labelled}: tuned, held-out-1, dev, held-out-2, held-out-3, held-out-4, held-out-5). The same figures for the
 * peer method come from {@code bench/diff/ndiff_peer.py}; both go to BENCHMARKS.md.
 */
class LabelledSetTest {
    /** The floors this engine reaches today, per set; lower one only with a reason. */
    private static final Map<LabelledPair.Group, Double> F1_FLOOR = Map.of(
            LabelledPair.Group.TUNED, 0.93, LabelledPair.Group.HELD_OUT_1, 0.75,
            // 0.951 before the absorb pass; 51 and 54 label a sentence folded into its neighbour as a
            // deletion where 86 and 97 (held-out-4) label the same as a merge: the pass takes the merge reading
            LabelledPair.Group.DEV, 0.92, LabelledPair.Group.HELD_OUT_2, 0.90,
            // written for the second round of issue 15 before any change of that round, scored once it was done (0.926)
            LabelledPair.Group.HELD_OUT_3, 0.90,
            // written for the third round of issue 15 before any change of that round, scored once it was done (0.890)
            LabelledPair.Group.HELD_OUT_4, 0.88,
            // written for the fourth round of issue 15 before any change of that round, scored once it was done (0.911)
            LabelledPair.Group.HELD_OUT_5, 0.90);

    @Test
    void atLeastThirtyPairs() {
        assertThat(LabelledPair.all()).hasSizeGreaterThanOrEqualTo(147);
    }

    @Test
    void splitterAgreesWithTheLabelledSentences() {
        for (LabelledPair pair : LabelledPair.all()) {
            assertThat(Diff.sentences(pair.old())).as(pair.name() + " old").isEqualTo(pair.oldSentences());
            assertThat(Diff.sentences(pair.neu())).as(pair.name() + " new").isEqualTo(pair.newSentences());
        }
    }

    /** True, false positives and false negatives of one set. */
    private static final class Count {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double f1() {
            double precision = truePositives / (double) (truePositives + falsePositives);
            double recall = truePositives / (double) (truePositives + falseNegatives);
            return 2 * precision * recall / (precision + recall);
        }
    }

    @Test
    void alignmentF1() {
        Map<LabelledPair.Group, Count> counts = new EnumMap<>(LabelledPair.Group.class);
        for (LabelledPair pair : LabelledPair.all()) {
            Count count = counts.computeIfAbsent(pair.group(), g -> new Count());
            Set<LabelledPair.Link> expected = changes(pair.expected());
            Set<LabelledPair.Link> predicted = changes(LabelledPair.predicted(Diff.compare(pair.old(), pair.neu())));
            Set<LabelledPair.Link> hit = new HashSet<>(predicted);
            hit.retainAll(expected);
            count.truePositives += hit.size();
            count.falsePositives += predicted.size() - hit.size();
            count.falseNegatives += expected.size() - hit.size();
            if (!predicted.equals(expected) && shown(pair.group())) {
                Set<LabelledPair.Link> missing = new HashSet<>(expected);
                missing.removeAll(predicted);
                Set<LabelledPair.Link> extra = new HashSet<>(predicted);
                extra.removeAll(expected);
                System.out.println(pair.group() + " " + pair.name() + " missing " + missing + " extra " + extra);
            }
        }
        counts.forEach((group, c) -> {
            if (totalShown(group)) {
                System.out.printf("labelled set %s: F1 %.3f (tp %d fp %d fn %d)%n",
                        group, c.f1(), c.truePositives, c.falsePositives, c.falseNegatives);
            }
        });
        counts.forEach((group, c) -> assertThat(c.f1()).as(group.toString()).isGreaterThanOrEqualTo(F1_FLOOR.get(group)));
    }

    /**
     * Which sets print their scores and misses. The development sets (tuned, held-out-1, dev, and
     * held-out-4 since its single scoring) print both; held-out-2 and -3, scored once already,
     * print their totals (so a change that costs them shows) but not their misses; held-out-5,
     * scored once at the end of the fourth round, prints nothing, so that the next round's changes
     * are not steered by it. It is asserted against its floor all the same;
     * {@code -Dlabelled.heldOut=show} prints everything.
     */
    private static boolean shown(LabelledPair.Group group) {
        return switch (group) {
            case TUNED, HELD_OUT_1, DEV, HELD_OUT_4 -> true;
            case HELD_OUT_2, HELD_OUT_3, HELD_OUT_5 -> showHeldOut();
        };
    }

    private static boolean totalShown(LabelledPair.Group group) {
        return group != LabelledPair.Group.HELD_OUT_5 || showHeldOut();
    }

    private static boolean showHeldOut() {
        return "show".equals(System.getProperty("labelled.heldOut"));
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
