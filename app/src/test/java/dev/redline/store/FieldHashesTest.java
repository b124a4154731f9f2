package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule of "which fields changed", shared by the tracker and import. */
class FieldHashesTest {
    private static final ArticleText BASE = new ArticleText("Quay \"reopens\" today", "Ada Brennan",
            List.of("The quay reopened at 9am - early.", "Crowds returned."));

    @Test
    void typographyWhitespaceAndBlankParagraphsAreNotChanges() {
        ArticleText retyped = new ArticleText("Quay \u201creopens\u201d  today", "Ada  Brennan",
                List.of("The quay reopened at 9am \u2014 early.", "   ", "Crowds returned. "));
        assertThat(FieldHashes.changedFields(BASE, retyped)).isEmpty();
        assertThat(FieldHashes.of(retyped)).isEqualTo(FieldHashes.of(BASE));
    }

    @Test
    void wordsCaseAndBylinesAreChanges() {
        assertThat(FieldHashes.changedFields(BASE, new ArticleText("Quay \"Reopens\" today", "Ada Brennan", BASE.paragraphs())))
                .containsExactly(VersionField.TITLE);
        assertThat(FieldHashes.changedFields(BASE, new ArticleText(BASE.title(), null, BASE.paragraphs())))
                .containsExactly(VersionField.BYLINE);
        assertThat(FieldHashes.changedFields(BASE, new ArticleText(BASE.title(), BASE.byline(),
                List.of("The quay reopened at 10am - early.", "Crowds returned.")))).containsExactly(VersionField.BODY);
    }
}
