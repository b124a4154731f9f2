package dev.redline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void neverHoldsControlCharactersFromAnySource() {
        ArticleText t = new ArticleText("Pier\u001b[2J reopens", "By\u0007 Ada", List.of("Crowds\u0000 returned.", "Line\none."));
        assertThat(t.title()).isEqualTo("Pier[2J reopens");
        assertThat(t.byline()).isEqualTo("By Ada");
        assertThat(t.paragraphs()).containsExactly("Crowds returned.", "Line one.");
    }

    @Test
    void nullTitleIsEmptyAndNullParagraphsAreRefused() {
        assertThat(new ArticleText(null, null, List.of()).title()).isEmpty();
        assertThatThrownBy(() -> new ArticleText("T", null, Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
    }
}
