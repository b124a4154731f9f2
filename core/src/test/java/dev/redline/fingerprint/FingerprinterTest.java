package dev.redline.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redline.article.ArticleText;
import dev.redline.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FingerprinterTest {
    private static final Fingerprinter FP = Fingerprinter.DEFAULT;

    private static final String STORY = "The harbour council of Port Wendle voted on Tuesday to close the old ferry "
            + "terminal after engineers found cracks in the pier. Residents said the decision came without warning "
            + "and that the nearest crossing is now forty minutes away. The mayor, Ada Quillon, promised a temporary "
            + "pontoon by spring and said repairs would cost more than the town could raise this year.";

    @Test
    void foldsCaseQuotesDashesAndPunctuation() {
        assertThat(Shingles.words("Don\u2019t \u201cStop\u201d \u2014 NOW, Caf\u0065\u0301!"))
                .containsExactly("dont", "stop", "now", "caf\u00e9");
        assertThat(FP.of("He said: \u201cWe won\u2019t go \u2013 ever.\u201d").shingles())
                .isEqualTo(FP.of("he said \"we won't go - ever\"").shingles());
    }

    @Test
    void anIdenticalCopyIsFullyContainedBothWays() {
        Fingerprint a = FP.of(STORY);
        Fingerprint b = FP.of(STORY.toUpperCase());
        assertThat(b.containedIn(a)).isEqualTo(1.0);
        assertThat(a.containedIn(b)).isEqualTo(1.0);
        assertThat(b.bandKeys()).containsExactly(a.bandKeys());
        assertThat(b.estimatedJaccard(a)).isEqualTo(1.0);
    }

    @Test
    void boilerplateAppendedKeepsTheSourceFullyCarriedAndSharesAnchors() {
        Fingerprint source = FP.of(STORY);
        Fingerprint copy = FP.of(STORY + " Receive news alerts on your phone: join our channel today. "
                + "No comments yet. Be the first to leave a comment below this story.");
        assertThat(source.containedIn(copy)).isEqualTo(1.0);
        assertThat(copy.containedIn(source)).isBetween(0.6, 0.99);
        assertThat(copy.anchors()).containsAnyOf(source.anchors());
    }

    @Test
    void unrelatedTextSharesNothing() {
        Fingerprint a = FP.of(STORY);
        Fingerprint b = FP.of("A late goal from the visiting side settled a cold evening at the county ground, "
                + "where the home team had dominated possession for most of the second half.");
        assertThat(a.sharedShingles(b)).isZero();
        assertThat(a.estimatedJaccard(b)).isLessThan(0.1);
    }

    @Test
    void articleTextUsesHeadlineAndBodyButNotByline() {
        ArticleText withByline = new ArticleText("Pier closes", "By Someone Else", List.of(STORY));
        ArticleText without = new ArticleText("Pier closes", null, List.of(STORY));
        assertThat(FP.of(withByline).shingles()).isEqualTo(FP.of(without).shingles());
        assertThat(FP.of(new ArticleText("Ferry gone", null, List.of(STORY))).shingles())
                .isNotEqualTo(FP.of(without).shingles());
    }

    @Test
    void shortAndEmptyTexts() {
        assertThat(FP.of("").isEmpty()).isTrue();
        assertThat(FP.of("  , ; ").bandKeys()).isEmpty();
        Fingerprint two = FP.of("two words");
        assertThat(two.shingles()).hasSize(1);
        assertThat(two.anchors()).containsExactly(two.shingles());
        assertThat(two.bandKeys()).hasSize(FP.bands());
    }

    @Test
    void rejectsSettingsThatDoNotDivide() {
        assertThatThrownBy(() -> new Fingerprinter(5, 100, 32, 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bands 32");
    }

    /** The winnowing guarantee: any shared run of window + shingleSize − 1 words shares an anchor. */
    @Seeded(tries = 300)
    void everyLongEnoughExcerptSharesAnAnchor(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        List<String> words = text(random);
        int startSeed = random.nextInt(1001);
        int extra = random.nextInt(61);
        int minRun = FP.window() + FP.shingleSize() - 1;
        int length = Math.min(words.size(), minRun + extra);
        int start = startSeed % (words.size() - length + 1);
        List<String> excerpt = words.subList(start, start + length);
        Fingerprint whole = FP.of(String.join(" ", words));
        Fingerprint part = FP.of("Unrelated lead-in words here. " + String.join(" ", excerpt) + " And a tail.");
        assertThat(part.anchors()).containsAnyOf(whole.anchors());
        assertThat(FP.of(String.join(" ", excerpt)).containedIn(whole)).isEqualTo(1.0);
    }

    @Seeded(tries = 100)
    void minHashEstimatesJaccard(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        List<String> a = text(random);
        List<String> b = text(random);
        Fingerprint fa = FP.of(String.join(" ", a));
        Fingerprint fb = FP.of(String.join(" ", a.subList(0, a.size() / 2)) + " " + String.join(" ", b));
        int shared = fa.sharedShingles(fb);
        double jaccard = (double) shared / (fa.shingles().length + fb.shingles().length - shared);
        // 128 permutations: standard error <= 0.045, so 0.25 is more than five of them
        assertThat(fa.estimatedJaccard(fb)).isCloseTo(jaccard, Offset.offset(0.25));
    }

    /** 16 to 200 random lower-case words of 2 to 9 letters. */
    private static List<String> text(RandomGenerator random) {
        int size = random.nextInt(16, 201);
        List<String> words = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            char[] letters = new char[random.nextInt(2, 10)];
            for (int c = 0; c < letters.length; c++) {
                letters[c] = (char) ('a' + random.nextInt(26));
            }
            words.add(new String(letters));
        }
        return words;
    }
}
