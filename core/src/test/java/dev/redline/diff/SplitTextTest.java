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
    void theKeptFormGivesBackTheSplitAndTheSameDiffAsTheTexts() {
        SplittableRandom random = new SplittableRandom(51);
        for (int round = 0; round < 500; round++) {
            List<String> paragraphs = new ArrayList<>();
            for (int p = 1 + random.nextInt(5); p > 0; p--) {
                paragraphs.add(paragraph(random));
            }
            ArticleText before = new ArticleText("Ferry returns", null, List.copyOf(paragraphs));
            int changed = random.nextInt(paragraphs.size() + 1);
            if (changed < paragraphs.size()) {
                paragraphs.set(changed, paragraph(random));
            } else {
                paragraphs.add(random.nextInt(paragraphs.size() + 1), paragraph(random));
            }
            ArticleText after = new ArticleText("Ferry returns", null, paragraphs);
            SplitText old = SplitText.ofKept(before, SplitText.of(before).kept());
            SplitText neu = SplitText.ofKept(after, SplitText.of(after).kept());
            assertThat(old).isEqualTo(SplitText.of(before));
            assertThat(neu.kept()).isEqualTo(SplitText.of(after).kept());
            assertThat(Diff.compare(old, neu, null, null)).isEqualTo(Diff.compare(before, after));
        }
    }

    @Test
    void anUnchangedSentenceOfTwoKeptSplitsIsOneString() {
        ArticleText before = new ArticleText("t", null, List.of("One. Two.", "Three."));
        ArticleText after = new ArticleText("t", null, List.of("Zero.", "One. Two.", "Three!"));
        DiffResult diff = Diff.compare(SplitText.ofKept(before, SplitText.of(before).kept()),
                SplitText.ofKept(after, SplitText.of(after).kept()), null, null);
        SentenceOp one = diff.ops().get(1);
        assertThat(one.op()).isEqualTo(OpKind.SAME);
        assertThat(one.newText()).isEqualTo("One.").isSameAs(one.oldText());
        assertThat(diff.ops().get(3).op()).isEqualTo(OpKind.EDIT);
    }

    @Test
    void forgedOrStaleKeyHashesNeverHideAChange() {
        ArticleText before = new ArticleText("t", null, List.of("The pier opened. It cost 3 million pounds. Crowds came."));
        ArticleText after = new ArticleText("t", null, List.of("The pier opened. It cost 4 million pounds. Crowds came."));
        // every hash the same, as a crafted collision or a damaged row would make them
        KeptSplit forged = new KeptSplit(SplitText.offsets(before), "1:AAAAAAAAAAAAAAAA");
        KeptSplit forgedToo = new KeptSplit(SplitText.offsets(after), "1:AAAAAAAAAAAAAAAA");
        for (KeptSplit[] pair : new KeptSplit[][] {{forged, forgedToo},
            {new KeptSplit(forged.offsets(), "9:AAAA"), new KeptSplit(forgedToo.offsets(), "1:not base64!")}}) {
            DiffResult diff = Diff.compare(SplitText.ofKept(before, pair[0]), SplitText.ofKept(after, pair[1]), null, null);
            assertThat(diff).isEqualTo(Diff.compare(before, after));
            assertThat(diff.ops()).extracting(SentenceOp::op).containsExactly(OpKind.SAME, OpKind.EDIT, OpKind.SAME);
        }
        // hashes that disagree with the text on one side only choose where to look: at worst an
        // unchanged sentence is not found unchanged, and the change is still marked
        DiffResult diff = Diff.compare(SplitText.ofKept(before, forged), SplitText.ofKept(after, SplitText.of(after).kept()), null, null);
        assertThat(diff.ops()).filteredOn(op -> op.oldText() != null && op.oldText().contains("3 million"))
                .singleElement().satisfies(op -> assertThat(op.op()).isEqualTo(OpKind.EDIT));
        assertThat(diff.boring()).isFalse();
    }

    private static String paragraph(SplittableRandom random) {
        StringBuilder paragraph = new StringBuilder();
        for (int w = random.nextInt(20); w > 0; w--) {
            paragraph.append(PIECES[random.nextInt(PIECES.length)]).append(' ');
        }
        return paragraph.toString();
    }
}
