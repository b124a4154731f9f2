package dev.redline.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The stored form of a split: offsets into the text give back exactly the split, or a clear refusal. */
class SplitTextTest {
    private static final String[] PIECES = {"The", "ferry", "left", "Marrowby", "at", "dawn.", "Mr.", "U.S.", "J.",
        "K.", "Tallow", "said.", "\u201CWe", "win!\u201D", "he", "3.5", "No.", "10", "Jan.", "22", "it", "closed?",
        "LONDON", "\u2014", "Caf\u00E9.", "\u00A0", "e.g.", "crew."};

    @Test
    void offsetsGiveBackTheSameSplitAsSplittingAgain() {
        SplittableRandom random = new SplittableRandom(50);
        for (int round = 0; round < 2_000; round++) {
            List<String> paragraphs = new ArrayList<>();
            for (int p = random.nextInt(6); p > 0; p--) {
                StringBuilder paragraph = new StringBuilder(random.nextInt(8) == 0 ? "  " : "");
                for (int w = random.nextInt(30); w > 0; w--) {
                    paragraph.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(10) == 0 ? "   " : " ");
                }
                paragraphs.add(paragraph.toString());
            }
            ArticleText text = new ArticleText("Ferry returns", round % 2 == 0 ? null : "By Ada Quill", paragraphs);
            String offsets = SplitText.offsets(text);
            assertThat(SplitText.ofOffsets(text, offsets)).as(offsets).isEqualTo(SplitText.of(text));
        }
    }

    @Test
    void aJoinedSentenceKeepsTheParagraphsOwnSpacing() {
        ArticleText text = new ArticleText("t", null, List.of("She met Mr.  Alvarez at noon.   The talks resumed."));
        assertThat(SplitText.of(text).sentences()).containsExactly("She met Mr.  Alvarez at noon.", "The talks resumed.");
        assertThat(SplitText.offsets(text)).isEqualTo("0,29,3,18");
    }

    @Test
    void paragraphsWithoutSentencesLeaveAnEmptyFieldAndNoParagraphStart() {
        ArticleText text = new ArticleText("t", null, List.of("One. Two.", "   ", "Three."));
        assertThat(SplitText.offsets(text)).isEqualTo("0,4,1,4;;0,6");
        SplitText split = SplitText.ofOffsets(text, "0,4,1,4;;0,6");
        assertThat(split.sentences()).containsExactly("One.", "Two.", "Three.");
        assertThat(split.paragraphStarts()).containsExactly(0, 2);
        ArticleText empty = new ArticleText("t", null, List.of());
        assertThat(SplitText.ofOffsets(empty, SplitText.offsets(empty)).sentences()).isEmpty();
    }

    @Test
    void offsetsThatDoNotFitTheTextAreRefused() {
        ArticleText text = new ArticleText("t", null, List.of("One. Two.", "Three."));
        for (String bad : List.of("0,4,1,4", "0,4,1,40;0,6", "0,4,1;0,6", "0,4,x,4;0,6", "0,0;0,6", "0,4,1,4;0,6;", ",;0,6")) {
            assertThatThrownBy(() -> SplitText.ofOffsets(text, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit the text");
        }
    }

    @Test
    void consecutiveVersionsReadTogetherEqualEachReadAloneAndShareUnchangedSentences() {
        SplittableRandom random = new SplittableRandom(51);
        for (int round = 0; round < 500; round++) {
            List<ArticleText> texts = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            for (int p = 1 + random.nextInt(5); p > 0; p--) {
                paragraphs.add(paragraph(random));
            }
            for (int v = 0; v < 3; v++) {
                texts.add(new ArticleText("Ferry returns", null, List.copyOf(paragraphs)));
                int changed = random.nextInt(paragraphs.size() + 1);
                if (changed < paragraphs.size()) {
                    paragraphs.set(changed, paragraph(random));
                } else {
                    paragraphs.add(random.nextInt(paragraphs.size() + 1), paragraph(random));
                }
            }
            List<String> offsets = texts.stream().map(SplitText::offsets).toList();
            List<SplitText> together = SplitText.ofOffsets(texts, offsets);
            assertThat(together).containsExactlyElementsOf(texts.stream().map(SplitText::of).toList());
        }
        ArticleText before = new ArticleText("t", null, List.of("One. Two.", "Three."));
        ArticleText after = new ArticleText("t", null, List.of("Zero.", "One. Two.", "Three!"));
        List<SplitText> both = SplitText.ofOffsets(List.of(before, after), List.of(SplitText.offsets(before), SplitText.offsets(after)));
        assertThat(both.get(1).sentences().get(1)).isSameAs(both.get(0).sentences().get(0));
        assertThat(both.get(1).sentences().get(2)).isSameAs(both.get(0).sentences().get(1));
        assertThat(both.get(1).sentences()).containsExactly("Zero.", "One.", "Two.", "Three!");
        assertThat(both.get(1).paragraphStarts()).containsExactly(0, 1, 3);
    }

    private static String paragraph(SplittableRandom random) {
        StringBuilder paragraph = new StringBuilder();
        for (int w = random.nextInt(20); w > 0; w--) {
            paragraph.append(PIECES[random.nextInt(PIECES.length)]).append(' ');
        }
        return paragraph.toString();
    }
}
