package dev.redline.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void firstNonEmptyLineIsTheHeadlineEveryOtherAParagraph() {
        ArticleText t = PlainText.parse("\n  Pier reopens  \r\n\nCrowds returned on Sunday.\n   \nThe cafe stays shut.\n");
        assertThat(t.title()).isEqualTo("Pier reopens");
        assertThat(t.paragraphs()).containsExactly("Crowds returned on Sunday.", "The cafe stays shut.");
    }

    @Test
    void aOneLineTextIsAHeadlineWithoutBody() {
        ArticleText t = PlainText.parse("Pier reopens\n");
        assertThat(t.title()).isEqualTo("Pier reopens");
        assertThat(t.paragraphs()).isEmpty();
        assertThat(PlainText.parse(" \n\t\n")).isEqualTo(new ArticleText("", null, List.of()));
    }
}
